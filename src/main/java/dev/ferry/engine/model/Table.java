package dev.ferry.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * A source table with everything Ferry converts. {@code primaryKey} is null for a table without one;
 * {@code comment} is the table's description (SQL Server's MS_Description, PostgreSQL's COMMENT), or null.
 */
public record Table(TableRef ref, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueConstraints,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment) {
    public Table {
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** A table without a comment. */
    public Table(TableRef ref, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueConstraints,
                 List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {
        this(ref, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, null);
    }

    public Table withComment(String value) {
        return new Table(ref, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, value);
    }

    /**
     * The columns that identify a row for chunking and comparison: the primary key, else the first
     * unfiltered unique key or index whose columns are all NOT NULL, else none (the table is then
     * copied as one chunk and compared as a multiset).
     */
    public List<String> copyKey() {
        if (primaryKey != null) {
            return primaryKey.columns();
        }
        for (KeyConstraint u : uniqueConstraints) {
            if (allNotNull(u.columns())) {
                return u.columns();
            }
        }
        for (Index i : indexes) {
            List<String> cols = i.columns().stream().map(IndexColumn::name).toList();
            if (i.unique() && i.filter() == null && allNotNull(cols)) {
                return cols;
            }
        }
        return List.of();
    }

    private boolean allNotNull(List<String> names) {
        return names.stream().allMatch(n -> column(n).map(c -> !c.nullable()).orElse(false));
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
