package dev.ferry.engine.source.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DDL and grants on an application's hot tables, run so they never wait without end: one transaction
 * with a bounded {@code lock_timeout}, tried again from the start when a lock stays busy (55P03) or
 * a deadlock ends it (40P01), up to a number of attempts. Used by the fence and by capture removal.
 */
final class LockBoundTransaction {
    /** What runs inside the transaction. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private LockBoundTransaction() {
    }

    static void run(Connection c, int lockTimeoutMillis, int attempts, Work work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL lock_timeout = '" + lockTimeoutMillis + "ms'");
                    }
                    work.run();
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    boolean busy = "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
                    if (!busy || attempt == attempts) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
