package dev.ferry.engine.destination;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.Threads;
import dev.ferry.engine.Retries;
import dev.ferry.engine.journal.Journal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Creates post-data objects after the load, several at once: each phase's statements run in
 * parallel, phases one after another. Each statement commits together with its journal step, so a
 * resumed run skips what is already there. Deadlocks between concurrent ALTER TABLEs are retried.
 */
public final class PostDataRunner {
    private static final int MAX_ATTEMPTS = 5;

    private final Supplier<Connection> connections;
    private final int parallelism;
    private final UUID run;

    public PostDataRunner(Supplier<Connection> connections, int parallelism, UUID run) {
        this.connections = connections;
        this.parallelism = parallelism;
        this.run = run;
    }

    public int run(List<List<DdlStatement>> phases) {
        ExecutorService pool = Threads.daemonPool("ferry-post-data", parallelism);
        int created = 0;
        try {
            for (List<DdlStatement> phase : phases) {
                List<Future<Boolean>> futures = new ArrayList<>();
                for (DdlStatement s : phase) {
                    futures.add(pool.submit(() -> apply(s)));
                }
                for (Future<Boolean> f : futures) {
                    created += f.get() ? 1 : 0;
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw Threads.unwrap(e, ErrorCode.DDL, "apply post-data");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.DDL, "Post-data interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the object is there already, e.g. a primary key a run begun before keys were built after the load created. */
    private static boolean present(Connection c, DdlStatement s) throws SQLException {
        if (s.present() == null) {
            return false;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement(s.present().sql())) {
            ps.setString(1, s.present().parameter());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean apply(DdlStatement s) throws InterruptedException {
        String step = "post-data: " + s.object();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connections.get()) {
                if (Journal.stepDone(c, run, step)) {
                    return false;
                }
                if (present(c, s)) {
                    Journal.step(c, run, step);
                    return false;
                }
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                    Journal.step(c, run, step);
                    c.commit();
                    return true;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !Retries.isRetriable(e)) {
                    throw e instanceof SQLException sql ? FerryException.fromSql(ErrorCode.DDL, "Unable to create " + s.object(), sql)
                            : (RuntimeException) e;
                }
                Thread.sleep(Retries.backoffMillis(attempt));
            }
        }
    }
}
