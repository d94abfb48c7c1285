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
    private final String password;
    private final String role;

    /**
     * @param role     "source" or "target", for messages
     * @param password a password to send when the URL carries none, or null
     */
    public JdbcConnector(String role, String url, String password) {
        this.role = role;
        this.url = url;
        this.password = password;
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

    private boolean sendsPassword() {
        return password != null && !password.isEmpty() && !url.toLowerCase(java.util.Locale.ROOT).contains("password=");
    }

    /**
     * A connection pool of at most {@code size} connections (HikariCP). The pool is created
     * eagerly, so a wrong URL or password fails here with the URL redacted.
     */
    public com.zaxxer.hikari.HikariDataSource pool(int size) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        if (sendsPassword()) {
            config.setPassword(password);
        }
        config.setPoolName("ferry-" + role);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(60_000);
        try {
            return new com.zaxxer.hikari.HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            if (cause instanceof SQLException sql) {
                throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to connect to the " + role + " '" + JdbcUrls.redact(url) + "'", sql);
            }
            throw new FerryException(ErrorCode.CONNECTION, "Unable to connect to the " + role + " '" + JdbcUrls.redact(url)
                    + "': " + e.getMessage(), e);
        }
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
        if (sendsPassword()) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION,
                    "Unable to connect to the " + role + " '" + JdbcUrls.redact(url) + "'", e);
        }
    }
}
