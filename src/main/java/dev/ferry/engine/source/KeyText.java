package dev.ferry.engine.source;

import com.google.common.collect.Lists;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Row keys carried as text (by change capture, validation and rollback) and bound back into SQL:
 * on PostgreSQL each value is sent untyped so the server reads it as its column's type; other
 * drivers take the text and convert it for the comparison. Queries match keys in batches.
 */
public final class KeyText {
    /** Keys matched by one query, at most. */
    public static final int PER_QUERY = 200;
    /**
     * Parameters bound by one query, at most: SQL Server refuses a request of more than 2 100
     * (issue 14.13: 200 keys of 11 columns were 2 200).
     */
    public static final int MAX_PARAMETERS = 2_000;

    private KeyText() {
    }

    /**
     * {@code keys} in batches of {@link #PER_QUERY}, fewer where the keys have so many columns that
     * a batch would bind more than {@link #MAX_PARAMETERS} values.
     */
    public static List<List<List<String>>> batches(List<List<String>> keys) {
        int columns = keys.isEmpty() ? 1 : Math.max(1, keys.get(0).size());
        return Lists.partition(keys, Math.max(1, Math.min(PER_QUERY, MAX_PARAMETERS / columns)));
    }

    /** {@code (a = ? AND b = ?) OR (…)}, once per key, over already quoted (and, if need be, qualified) key columns. */
    public static String matchAny(List<String> quotedColumns, int keys) {
        return matchAny(quotedColumns, quotedColumns.stream().map(c -> "?").toList(), keys);
    }

    /**
     * The same with each column's parameter written as {@code parameters} says (one {@code ?} each, e.g.
     * typed as the column by {@link SourceDialect#keyParameter}).
     */
    public static String matchAny(List<String> quotedColumns, List<String> parameters, int keys) {
        List<String> terms = new java.util.ArrayList<>();
        for (int i = 0; i < quotedColumns.size(); i++) {
            terms.add(quotedColumns.get(i) + " = " + parameters.get(i));
        }
        String one = "(" + String.join(" AND ", terms) + ")";
        return String.join(" OR ", java.util.Collections.nCopies(keys, one));
    }

    /**
     * Binds every value of {@code keys}, in order, from parameter 1, on the source: each as its key
     * column of {@code columns}, through {@link SourceDialect#bindKeyText}.
     */
    public static void bind(PreparedStatement ps, SourceDialect dialect, List<Column> columns, List<List<String>> keys)
            throws SQLException {
        int i = 1;
        for (List<String> key : keys) {
            for (int c = 0; c < key.size(); c++) {
                dialect.bindKeyText(ps, i++, columns.get(c), key.get(c));
            }
        }
    }

    /**
     * The bytes of a binary key's text, which change capture gives in PostgreSQL's hex form
     * ({@code \x} and two hex digits a byte); other text is refused, naming the column.
     */
    public static byte[] bytes(Column column, String text) {
        if (text == null || !text.startsWith("\\x") || text.length() % 2 != 0) {
            throw notHex(column, text, null);
        }
        try {
            return HexFormat.of().parseHex(text, 2, text.length());
        } catch (IllegalArgumentException e) {
            throw notHex(column, text, e);
        }
    }

    private static FerryException notHex(Column column, String text, Exception cause) {
        return new FerryException(ErrorCode.DATA, "Unable to bind the key of binary column '" + column.name() + "': '" + text
                + "' is not \\x followed by hex digits", cause);
    }

    /** Binds every value of {@code keys}, in order, from parameter 1. */
    public static void bind(PreparedStatement ps, Connection connection, List<List<String>> keys) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        int i = 1;
        for (List<String> key : keys) {
            for (String value : key) {
                if (postgres) {
                    ps.setObject(i++, value, Types.OTHER);
                } else {
                    ps.setString(i++, value);
                }
            }
        }
    }
}
