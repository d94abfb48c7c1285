package dev.ferry.engine.source.postgres;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.core.Utils;

/**
 * Chunk-bound values as PostgreSQL literals, for statements that take no parameters
 * ({@code COPY (SELECT … WHERE key > 'x') TO STDOUT}). Every value is an escape string
 * ({@code E'…'}, quotes and backslashes escaped by pgjdbc's {@link Utils#escapeLiteral}), which
 * reads the same whatever the session's {@code standard_conforming_strings}; left untyped, it takes
 * the type of the key column it is compared with.
 */
final class PostgresLiterals {
    private PostgresLiterals() {
    }

    static String literal(Object value) {
        if (value instanceof byte[] b) {
            return quoted("\\x" + HexFormat.of().formatHex(b));
        }
        if (value instanceof BigDecimal d) {
            return quoted(d.toPlainString());
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String || value instanceof java.util.UUID
                || value instanceof java.time.temporal.Temporal) {
            return quoted(value.toString());
        }
        throw new FerryException(ErrorCode.UNSUPPORTED_TYPE, "Unable to write a chunk bound of type "
                + (value == null ? "null" : value.getClass().getName()) + " as a PostgreSQL literal");
    }

    private static String quoted(String text) {
        try {
            // standardConformingStrings=false: backslashes doubled, as an E'' string wants them
            return Utils.escapeLiteral(new StringBuilder("E'"), text, false).append('\'').toString();
        } catch (SQLException e) {
            throw new FerryException(ErrorCode.DATA, "Unable to write the chunk bound '" + text.replace("\u0000", "\\u0000")
                    + "' as a PostgreSQL literal: " + e.getMessage(), e);
        }
    }
}
