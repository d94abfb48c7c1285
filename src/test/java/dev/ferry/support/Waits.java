package dev.ferry.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;

/**
 * How tests wait: for an event (a future's result, a condition becoming true), never for a number
 * of wall-clock rounds, and never without a limit. A wait past its limit fails naming what it was
 * waiting for, instead of hanging the suite.
 */
public final class Waits {
    /** The longest a test waits for any one thing. */
    public static final Duration LIMIT = Duration.ofSeconds(45);

    private Waits() {
    }

    /** The result of {@code future}, described as {@code what} if it does not come within {@link #LIMIT}. */
    public static <T> T result(Future<T> future, String what) {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("Gave up after " + LIMIT.toSeconds() + " s waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for " + what, e);
        }
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it does not within {@link #LIMIT}. */
    public static void until(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(LIMIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(condition);
    }
}
