package dev.ferry.functions;

/** Names of the Functions app's functions that are not activities (those are in {@code ActivityNames}). */
public final class FunctionNames {
    public static final String ORCHESTRATOR = "MigrationOrchestrator";

    private FunctionNames() {
    }
}
