package dev.ferry.engine.destination;

import dev.ferry.engine.convert.TargetColumn;
import java.util.List;
import java.util.function.Function;

/**
 * The probe for a table's longest value and the fetch size it allows. pgjdbc holds a fetch's rows
 * whole (bytea as hex text, twice its size), so a read of rows with long values takes a few rows,
 * or one row, at a time. One probe serves every reader of long values: the validation (on the
 * target), the row path of the copy and the sync's staging (on a source whose driver does not
 * stream long values, i.e. PostgreSQL).
 */
public final class LongestValue {
    /** Bytes of values a fetch may hold. */
    public static final long FETCH_BYTES = 32L << 20;

    private LongestValue() {
    }

    /** Whether a column of this target type can hold a long value: unbounded text and bytes, xml, json. */
    public static boolean unbounded(TargetColumn column) {
        String type = PostgresTypeNames.canonical(column.type());
        return type.equals("bytea") || type.equals("text") || type.equals("character varying") || type.equals("xml")
                || type.equals("json") || type.equals("citext");
    }

    /** PostgreSQL's length in bytes of {@code quoted}, a column of {@code column}'s target type. */
    public static String octetLength(String quoted, TargetColumn column) {
        String type = PostgresTypeNames.canonical(column.type());
        boolean direct = type.equals("bytea") || type.equals("text") || type.equals("character varying");
        return "octet_length(" + quoted + (direct ? "" : "::text") + ")";
    }

    /**
     * The query for the longest value in bytes among {@code columns}' unbounded ones, each measured
     * by {@code length}, over {@code from}; null when none can hold a long value. PostgreSQL answers
     * {@code octet_length} of a stored value from its TOAST header, without reading the value.
     */
    public static String sql(List<TargetColumn> columns, Function<TargetColumn, String> length, String from) {
        List<String> lengths = columns.stream().filter(c -> !c.isGenerated() && unbounded(c))
                .map(c -> "coalesce(max(" + length.apply(c) + "), 0)").toList();
        return lengths.isEmpty() ? null : "SELECT greatest(" + String.join(", ", lengths) + ", 0) FROM " + from;
    }

    /** {@code configured} rows, lowered so that a fetch of values of {@code longest} bytes stays within {@link #FETCH_BYTES}; at least 1. */
    public static int fetchSize(long longest, int configured) {
        return (int) Math.max(1, Math.min(configured, FETCH_BYTES / Math.max(1, 2 * longest)));
    }
}
