package dev.ferry.engine.convert;

import dev.ferry.engine.model.ReferentialAction;
import java.util.List;

/**
 * A foreign key on the target, naming the referenced table by its target schema and name, with its
 * deferrability, and whether it is created {@code NOT VALID} (the source did not guarantee its rows).
 */
public record TargetForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                               List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
                               boolean deferrable, boolean initiallyDeferred, boolean notValid) {
    public TargetForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public TargetForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                            List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
                            boolean deferrable, boolean initiallyDeferred) {
        this(name, columns, referencedSchema, referencedTable, referencedColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, false);
    }
}
