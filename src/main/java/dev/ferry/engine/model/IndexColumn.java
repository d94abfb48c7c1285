package dev.ferry.engine.model;

/** One key column of an index with its sort order. */
public record IndexColumn(String name, boolean descending) {
    public static IndexColumn asc(String name) {
        return new IndexColumn(name, false);
    }
}
