package dev.ferry.engine.model;

import java.util.List;
import java.util.Optional;

/** A source table with everything Ferry converts. {@code primaryKey} is null for a table without one. */
public record Table(TableRef ref, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueConstraints,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {
    public Table {
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
