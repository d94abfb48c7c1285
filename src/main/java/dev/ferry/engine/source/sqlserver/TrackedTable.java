package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
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
            cols.stream().filter(c -> c.typeName() == null).findFirst().ifPresent(c -> {
                throw new FerryException(ErrorCode.INTROSPECTION, "Unable to read the changes of " + ref + ": the type of key column '"
                        + c.columnName() + "' is unknown");
            });
            cols.sort(java.util.Comparator.comparingInt(ChangeTrackingReader.TrackedKeyColumn::keyOrdinal));
            Long min = cols.get(0).minValidVersion();
            out.add(new TrackedTable(ref, cols.stream().map(ChangeTrackingReader.TrackedKeyColumn::columnName).toList(),
                    cols.stream().map(ChangeTrackingReader.TrackedKeyColumn::typeName).toList(), min == null ? 0 : min));
        });
        return out;
    }

    /**
     * The key column as text that binds back to the column and to PostgreSQL unchanged (issue 14.3):
     * ISO 8601 (style 126) for date and time types; float and real with style 3 (17 and 9
     * significant digits, lossless; the default style keeps 6) and money with style 2 (4 decimals;
     * the default keeps 2) — learn.microsoft.com/sql/t-sql/functions/cast-and-convert-transact-sql;
     * binary as PostgreSQL's bytea hex text ({@code \x…}; converting bytes to nvarchar would read
     * them as characters); hierarchyid as its path ({@code ToString()}, as the copy reads it); the
     * plain conversion otherwise (exact for integers, decimals, strings and uniqueidentifier).
     */
    static String keyText(String column, String type) {
        String quoted = "ct.[" + column.replace("]", "]]") + "]";
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "date", "datetime", "datetime2", "smalldatetime", "datetimeoffset", "time" ->
                    "CONVERT(nvarchar(40), " + quoted + ", 126)";
            case "float", "real" -> "CONVERT(nvarchar(40), " + quoted + ", 3)";
            case "money", "smallmoney" -> "CONVERT(nvarchar(40), " + quoted + ", 2)";
            case "binary", "varbinary" -> "N'\\x' + CONVERT(nvarchar(max), " + quoted + ", 2)";
            case "hierarchyid" -> quoted + ".ToString()";
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
