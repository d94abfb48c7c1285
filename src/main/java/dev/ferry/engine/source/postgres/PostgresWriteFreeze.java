package dev.ferry.engine.source.postgres;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.cutover.WriteFreeze;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL write freeze: the database's default becomes read-only for new transactions, and the
 * other client sessions on it are ended so no open transaction keeps writing. Needs the database
 * owner's rights.
 */
public final class PostgresWriteFreeze implements WriteFreeze {
    @Override
    public void freeze(Connection c) {
        run(c, "freeze writes", """
                DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$""");
        run(c, "end open sessions", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND application_name NOT LIKE 'ferry%'");
    }

    @Override
    public void unfreeze(Connection c) {
        allowWrites(c);
        run(c, "unfreeze writes", """
                DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET default_transaction_read_only', current_database()); END $$""");
    }

    @Override
    public void allowWrites(Connection c) {
        run(c, "allow Ferry's session to write", "SET SESSION default_transaction_read_only = off");
    }

    private static void run(Connection c, String what, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to " + what, e);
        }
    }
}
