package dev.ferry.engine.model;

import java.util.List;

/** A foreign key with its referenced table, columns in matching order, and actions. */
public record ForeignKey(String name, List<String> columns, TableRef referenced, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
