package dev.ferry.engine;

import java.sql.SQLException;

/**
 * The one exception Ferry throws. It carries an {@link ErrorCode}; when it wraps a
 * {@link SQLException}, the SQLSTATE and vendor code are kept. Messages name the object
 * involved and never contain a credential.
 */
public class FerryException extends RuntimeException {
    private final ErrorCode code;

    public FerryException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public FerryException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The SQLSTATE of the first {@link SQLException} in the cause chain, or null. */
    public String sqlState() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    /**
     * Converts a driver exception once, at the engine's boundary. Connection failures
     * (SQLSTATE class 08) become {@link ErrorCode#CONNECTION} whatever the caller asked for.
     */
    public static FerryException fromSql(ErrorCode code, String message, SQLException e) {
        String state = e.getSQLState();
        ErrorCode effective = state != null && state.startsWith("08") ? ErrorCode.CONNECTION : code;
        StringBuilder text = new StringBuilder(message).append(": ").append(e.getMessage());
        if (state != null) {
            text.append(" [SQLSTATE ").append(state).append(", vendor code ").append(e.getErrorCode()).append(']');
        }
        return new FerryException(effective, text.toString(), e);
    }
}
