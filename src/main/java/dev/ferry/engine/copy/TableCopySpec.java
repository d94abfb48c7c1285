package dev.ferry.engine.copy;

import dev.ferry.engine.destination.ColumnCodecs;
import dev.ferry.engine.destination.ColumnCodec;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.destination.LongestValue;
import dev.ferry.engine.destination.PostgresTypeNames;
import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one table is copied: the source SELECT (without its chunk predicate), the target COPY, a
 * codec per column, and the copy key. Generated columns are left to PostgreSQL. When the source is
 * PostgreSQL and every column keeps its exact type, rows pass through in PostgreSQL's own binary
 * format ({@code passThrough}) instead of being decoded and encoded again.
 */
public final class TableCopySpec {
    private final Table source;
    private final TargetTable target;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> targetNames = new ArrayList<>();
    private final List<ColumnCodec> codecs = new ArrayList<>();
    private final List<String> key;
    private final List<Integer> keyIndexes = new ArrayList<>();
    private final String selectList;
    private final boolean passThrough;
    private final String longestValueSql;

    public TableCopySpec(SourceDialect dialect, Table source, TargetTable target, boolean sourceIsPostgres) {
        this.source = source;
        this.target = target;
        boolean sameTypes = sourceIsPostgres;
        for (TargetColumn tc : target.columns()) {
            if (!tc.isGenerated()) {
                Column sc = source.column(tc.sourceName()).orElseThrow();
                columns.add(sc);
                targetNames.add(tc.name());
                sameTypes &= PostgresTypeNames.canonical(sc.type().name()).equals(PostgresTypeNames.canonical(tc.type()));
            }
        }
        this.passThrough = sameTypes;
        if (!passThrough) {
            for (int i = 0; i < columns.size(); i++) {
                codecs.add(ColumnCodecs.forType(target.column(targetNames.get(i)).orElseThrow().type(),
                        source.ref() + "." + columns.get(i).name(), dialect.streamsLongValues()));
            }
        }
        this.key = source.copyKey();
        for (String k : key) {
            keyIndexes.add(indexOf(k) + 1);
        }
        this.selectList = columns.stream().map(dialect::selectExpression).collect(Collectors.joining(", "));
        // a driver that streams long values reads any fetch size within bounds; only the others need the probe
        this.longestValueSql = dialect.streamsLongValues() ? null : LongestValue.sql(target.columns(),
                c -> dialect.octetLength(source.column(c.sourceName()).orElseThrow()), dialect.qualified(source.ref()));
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("key column " + column + " of " + source.ref() + " is not copied");
    }

    public Table source() {
        return source;
    }

    public TargetTable target() {
        return target;
    }

    public List<String> key() {
        return key;
    }

    List<Integer> keyIndexes() {
        return keyIndexes;
    }

    List<ColumnCodec> codecs() {
        return codecs;
    }

    List<Column> columns() {
        return columns;
    }

    /**
     * The source query (to be followed by a WHERE clause) for the longest value in bytes of the
     * copied columns that can hold long values; null when none can, or when the source's driver
     * streams long values and needs no smaller fetch.
     */
    public String longestValueSql() {
        return longestValueSql;
    }

    public boolean passThrough() {
        return passThrough;
    }

    String copyIn() {
        return copyInto(DdlGenerator.q(target.schema()) + "." + DdlGenerator.q(target.name()));
    }

    /** COPY of the copied columns into {@code qualifiedTable} (the target table, or a staging table like it). */
    public String copyInto(String qualifiedTable) {
        return "COPY " + qualifiedTable + " (" + targetNames.stream().map(DdlGenerator::q).collect(Collectors.joining(", "))
                + ") FROM STDIN (FORMAT binary)";
    }

    /** The copied columns' target names, in COPY order. */
    public List<String> targetColumns() {
        return List.copyOf(targetNames);
    }

    /** The copy key's target names. */
    public List<String> targetKey() {
        return keyIndexes.stream().map(i -> targetNames.get(i - 1)).toList();
    }

    /** The source's SELECT list for the copied columns. */
    public String sourceSelectList() {
        return selectList;
    }
}
