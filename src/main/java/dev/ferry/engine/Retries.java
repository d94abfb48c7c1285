package dev.ferry.engine;

import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * The one place that decides whether a failure is worth another attempt, from the cause chain:
 * lost connections (SQLSTATE class 08, I/O errors), a backend terminated by an administrator
 * (57P01..57P03), serialization failures and deadlocks (40001, 40P01) and too many connections
 * (53300) are; data errors are not.
 */
public final class Retries {
    private static final Set<String> RETRIABLE_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300");

    private Retries() {
    }

    public static boolean isRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FerryException fe && !fe.code().retriable()) {
                return false;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || RETRIABLE_STATES.contains(e.getSQLState()))) {
                return true;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds to wait before attempt {@code attempt} (2, 3, …): exponential, capped at 10 s. */
    public static long backoffMillis(int attempt) {
        return Math.min(10_000L, 250L << Math.min(attempt - 1, 10));
    }
}
