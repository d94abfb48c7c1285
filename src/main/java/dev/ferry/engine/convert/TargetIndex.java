package dev.ferry.engine.convert;

import dev.ferry.engine.model.IndexColumn;
import java.util.List;

/** An index on the target; {@code where} is the translated partial-index predicate or null. */
public record TargetIndex(String name, boolean unique, List<IndexColumn> columns, List<String> include, String where,
                          boolean nullsDistinct) {
    public TargetIndex {
        columns = List.copyOf(columns);
        include = List.copyOf(include);
    }
}
