package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.model.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table under Change Tracking: its primary key (names and SQL Server types) and the oldest version
 * its changes can still be read from (older ones were cleaned up).
 */
record TrackedTable(TableRef ref, List<String> keyColumns, List<String> keyTypes, long minValidVersion) {
    /** Groups catalog rows (ordered by table and key ordinal) into tables. */
    static List<TrackedTable> of(List<ChangeTrackingReader.TrackedKeyColumn> rows) {
        Map<TableRef, List<ChangeTrackingReader.TrackedKeyColumn>> byTable = new LinkedHashMap<>();
        for (ChangeTrackingReader.TrackedKeyColumn r : rows) {
            byTable.computeIfAbsent(new TableRef(r.schemaName(), r.tableName()), t -> new ArrayList<>()).add(r);
        }
        List<TrackedTable> out = new ArrayList<>();
        byTable.forEach((ref, cols) -> {
            cols.sort(java.util.Comparator.comparingInt(ChangeTrackingReader.TrackedKeyColumn::keyOrdinal));
            Long min = cols.get(0).minValidVersion();
            out.add(new TrackedTable(ref, cols.stream().map(ChangeTrackingReader.TrackedKeyColumn::columnName).toList(),
                    cols.stream().map(ChangeTrackingReader.TrackedKeyColumn::typeName).toList(), min == null ? 0 : min));
        });
        return out;
    }

    /**
     * The key column as text that binds back to the column and to PostgreSQL unchanged: ISO 8601
     * (style 126) for date and time types, the plain conversion otherwise.
     */
    static String keyText(String column, String type) {
        String quoted = "ct.[" + column.replace("]", "]]") + "]";
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "date", "datetime", "datetime2", "smalldatetime", "datetimeoffset", "time" ->
                    "CONVERT(nvarchar(40), " + quoted + ", 126)";
            default -> "CONVERT(nvarchar(4000), " + quoted + ")";
        };
    }

    /** The CHANGETABLE query for this table: parameters are the version after which, and up to which, to read. */
    String changesQuery(Integer top) {
        return "SELECT " + (top == null ? "" : "TOP (" + top + ") ") + "ct.SYS_CHANGE_VERSION, "
                + java.util.stream.IntStream.range(0, keyColumns.size()).mapToObj(i -> keyText(keyColumns.get(i), keyTypes.get(i)))
                .collect(Collectors.joining(", "))
                + " FROM CHANGETABLE(CHANGES " + qualified() + ", ?) AS ct WHERE ct.SYS_CHANGE_VERSION <= ? "
                + "ORDER BY ct.SYS_CHANGE_VERSION";
    }

    /** Counts the net changes after, and up to, two versions (the parameters), with the oldest one's version. */
    String pendingQuery() {
        return "SELECT COUNT_BIG(*), COALESCE(MIN(ct.SYS_CHANGE_VERSION), 0) FROM CHANGETABLE(CHANGES " + qualified()
                + ", ?) AS ct WHERE ct.SYS_CHANGE_VERSION <= ?";
    }

    String qualified() {
        return "[" + ref.schema().replace("]", "]]") + "].[" + ref.name().replace("]", "]]") + "]";
    }
}
