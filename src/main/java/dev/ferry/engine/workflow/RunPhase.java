package dev.ferry.engine.workflow;

/** Where a migration run or a cutover stands, as operators see it in its status. */
public enum RunPhase {
    PROVISIONING,
    CAPTURING_CHANGES,
    PLANNING,
    COPYING,
    POST_DATA,
    VALIDATING,
    /** Finished, and at parity when validated. */
    DONE,
    /** Finished, and validation found a difference. */
    MISMATCH,
    /** The cutover's phases (see {@link CutoverWorkflow.Phase}). */
    CUTOVER_SYNCING,
    CUTOVER_WAITING_FOR_GO,
    CUTOVER_PREFLIGHT,
    CUTOVER_SWITCHING,
    CUTOVER_HEALTH_WINDOW,
    CUTOVER_COMPLETED,
    CUTOVER_ROLLING_BACK,
    CUTOVER_ROLLED_BACK,
    CUTOVER_ABORTED
}
