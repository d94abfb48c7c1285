package dev.ferry.engine.convert;

import dev.ferry.engine.model.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * A table as Ferry creates it, remembering the source table it comes from. {@code primaryKey} may be
 * null; {@code comment} is the source table's description, or null.
 */
public record TargetTable(TableRef source, String schema, String name, List<TargetColumn> columns, TargetKey primaryKey,
                          List<TargetKey> uniqueConstraints, List<TargetIndex> indexes,
                          List<TargetForeignKey> foreignKeys, List<TargetCheck> checks, String comment) {
    public TargetTable {
        columns = List.copyOf(columns);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    public TableRef ref() {
        return new TableRef(schema, name);
    }

    public Optional<TargetColumn> column(String targetName) {
        return columns.stream().filter(c -> c.name().equals(targetName)).findFirst();
    }
}
