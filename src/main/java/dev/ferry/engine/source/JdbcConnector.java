package dev.ferry.engine.source;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens JDBC connections. The password comes from the URL or from an environment variable
 * ({@code FERRY_SOURCE_PASSWORD}, {@code FERRY_TARGET_PASSWORD}); error messages show the URL
 * redacted.
 */
public final class JdbcConnector {
    public static final String SOURCE_PASSWORD_ENV = "FERRY_SOURCE_PASSWORD";
    public static final String TARGET_PASSWORD_ENV = "FERRY_TARGET_PASSWORD";

    private final String url;
    private final java.util.function.Supplier<String> password;
    private final java.time.Duration refreshEvery;
    private final String role;

    /**
     * @param role     "source" or "target", for messages
     * @param password a password to send when the URL carries none, or null
     */
    public JdbcConnector(String role, String url, String password) {
        this(role, url, () -> password, null);
    }

    /**
     * A connector whose password is fetched when needed and, when {@code refreshEvery} is given,
     * fetched again at that interval for new pooled connections: short-lived access tokens
     * (Entra ID for Azure Database for PostgreSQL) used as passwords on long runs.
     */
    public JdbcConnector(String role, String url, java.util.function.Supplier<String> password, java.time.Duration refreshEvery) {
        this.role = role;
        this.url = url;
        this.password = password;
        this.refreshEvery = refreshEvery;
    }

    public static JdbcConnector source(String url) {
        return new JdbcConnector("source", url, System.getenv(SOURCE_PASSWORD_ENV));
    }

    public static JdbcConnector target(String url) {
        return new JdbcConnector("target", url, System.getenv(TARGET_PASSWORD_ENV));
    }

    public String url() {
        return url;
    }

    private String currentPassword() {
        if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            return null;
        }
        String p = password == null ? null : password.get();
        return p == null || p.isEmpty() ? null : p;
    }

    /**
     * A connection pool of at most {@code size} connections (HikariCP). The pool is created
     * eagerly, so a wrong URL or password fails here with the URL redacted.
     */
    public com.zaxxer.hikari.HikariDataSource pool(int size) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        String secret = currentPassword();
        if (secret != null) {
            config.setPassword(secret);
        }
        config.setPoolName("ferry-" + role);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(60_000);
        try {
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
            if (refreshEvery != null && secret != null) {
                refresh(pool);
            }
            return pool;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            if (cause instanceof SQLException sql) {
                throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to connect to the " + role + " '" + JdbcUrls.redact(url) + "'", sql);
            }
            throw new FerryException(ErrorCode.CONNECTION, "Unable to connect to the " + role + " '" + JdbcUrls.redact(url)
                    + "': " + e.getMessage(), e);
        }
    }

    /** Fetches the password again every {@code refreshEvery} for the pool's new connections, until the pool closes. */
    private void refresh(com.zaxxer.hikari.HikariDataSource pool) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-" + role + "-credential-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            if (pool.isClosed()) {
                timer.shutdown();
                return;
            }
            String next = currentPassword();
            if (next != null) {
                pool.getHikariConfigMXBean().setPassword(next);
            }
        }, refreshEvery.toMillis(), refreshEvery.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Borrows connections from {@code pool}, converting a failure to get one once, here. */
    public java.util.function.Supplier<Connection> connections(com.zaxxer.hikari.HikariDataSource pool) {
        return () -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to get a " + role + " connection", e);
            }
        };
    }

    public Connection open() {
        Properties props = new Properties();
        String secret = currentPassword();
        if (secret != null) {
            props.setProperty("password", secret);
        }
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION,
                    "Unable to connect to the " + role + " '" + JdbcUrls.redact(url) + "'", e);
        }
    }
}
