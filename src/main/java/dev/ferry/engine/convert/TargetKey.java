package dev.ferry.engine.convert;

import java.util.List;

/** A primary key or unique constraint on the target, with target column names. */
public record TargetKey(String name, List<String> columns, boolean nullsDistinct) {
    public TargetKey {
        columns = List.copyOf(columns);
    }
}
