package dev.ferry.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.workflow.MigrationOptions;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.sample.SampleDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs migrations in tests and reads results back. */
public final class Migrations {
    private Migrations() {
    }

    public static MigrationRunner.Result run(String source, String target, MigrationConfig config, MigrationOptions options) {
        return new MigrationRunner(new JdbcConnector("source", source, null), new JdbcConnector("target", target, null), config,
                options.withValidate(false), CopyProgress.NONE, line -> { }).run();
    }

    /** Connections to any database of the tests (H2 or PostgreSQL), as the engine's suppliers take them. */
    public static java.util.function.Supplier<Connection> connections(String url) {
        return () -> {
            try {
                return java.sql.DriverManager.getConnection(url);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public static MigrationOptions small() {
        return MigrationOptions.defaults().withWorkers(3).withChunkRows(100);
    }

    public static long count(String url, String table) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** md5 over every row's text form in key order: equal fingerprints on two PostgreSQL databases mean equal data. */
    public static String fingerprint(String url, String table, String orderBy) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY " + orderBy + "), '')), count(*) FROM "
                     + table + " t")) {
            rs.next();
            return rs.getString(1) + "/" + rs.getLong(2);
        }
    }

    /** Asserts every table of the sample CRM holds the same rows in both databases. */
    public static void assertSampleTablesEqual(String source, String target) throws SQLException {
        for (String table : SampleDatabase.TABLES) {
            String order = table.equals("VerificationToken") ? "token" : "id";
            assertThat(fingerprint(target, "\"" + table + "\"", order)).as(table)
                    .isEqualTo(fingerprint(source, "\"" + table + "\"", order));
        }
    }
}
