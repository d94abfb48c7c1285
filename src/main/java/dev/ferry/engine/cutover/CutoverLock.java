package dev.ferry.engine.cutover;

import dev.ferry.engine.journal.AdvisoryLock;
import java.sql.Connection;

/**
 * A cutover running in-process ({@code ferry cutover}) holds this advisory lock on the target for
 * its whole run: a second cutover on the same target is refused, and {@code ferry rollback} /
 * {@code ferry cutover approve} can tell that no cutover is running instead of leaving a request
 * behind for a later one.
 */
public final class CutoverLock {
    /** "FERRYCUT" as a number. */
    static final long KEY = 0x4645525259_435554L & Long.MAX_VALUE;

    private CutoverLock() {
    }

    /** Takes the lock on {@code connection} (which the lock then owns), or refuses: another cutover runs on this target. */
    public static AdvisoryLock acquire(Connection connection) {
        return AdvisoryLock.acquire(connection, KEY, "Unable to start the cutover: another cutover is running on this target");
    }

    /** Whether a cutover holds the lock on this target now. */
    public static boolean running(Connection target) {
        return AdvisoryLock.held(target, KEY);
    }
}
