package dev.ferry.engine.model;

import java.util.List;

/**
 * A foreign key with its referenced table, columns in matching order, actions, and whether its
 * check can be deferred to the end of the transaction ({@code DEFERRABLE [INITIALLY DEFERRED]}), and whether the
 * source guarantees every row satisfies it ({@code trusted}; an untrusted one is created {@code NOT VALID}).
 */
public record ForeignKey(String name, List<String> columns, TableRef referenced, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred,
                         boolean trusted) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** A trusted foreign key. */
    public ForeignKey(String name, List<String> columns, TableRef referenced, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred) {
        this(name, columns, referenced, referencedColumns, onDelete, onUpdate, deferrable, initiallyDeferred, true);
    }

    /** A foreign key checked at once (NOT DEFERRABLE), as SQL Server's always are. */
    public ForeignKey(String name, List<String> columns, TableRef referenced, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate) {
        this(name, columns, referenced, referencedColumns, onDelete, onUpdate, false, false, true);
    }
}
