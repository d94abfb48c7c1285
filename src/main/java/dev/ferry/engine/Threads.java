package dev.ferry.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The engine's worker pools: daemon threads with a name, and one way to surface a worker's failure. */
public final class Threads {
    private Threads() {
    }

    /** A fixed pool of {@code threads} daemon threads named {@code name} (a JVM exit never waits for them). */
    public static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The worker's own {@link FerryException}, or one with {@code code} around whatever else it threw. */
    public static FerryException unwrap(ExecutionException e, ErrorCode code, String what) {
        Throwable cause = e.getCause();
        return cause instanceof FerryException fe ? fe : new FerryException(code, "Unable to " + what + ": " + cause, cause);
    }
}
