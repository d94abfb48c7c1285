package dev.ferry.engine.model;

import java.util.List;

/**
 * A slice of a source table by its copy key: rows with key greater than {@code lower} and at most
 * {@code upper}, compared by the source database itself. A null bound is open. Bound values are
 * encoded by {@code KeyValues} so they survive in the journal and bind back to their types.
 */
public record ChunkRange(TableRef table, int number, List<String> lower, List<String> upper) {
    public ChunkRange {
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }

    public static ChunkRange whole(TableRef table) {
        return new ChunkRange(table, 0, null, null);
    }

    @Override
    public String toString() {
        return table + " chunk " + number + " (" + (lower == null ? "start" : lower) + ", " + (upper == null ? "end" : upper) + "]";
    }
}
