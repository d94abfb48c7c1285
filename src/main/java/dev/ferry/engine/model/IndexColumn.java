package dev.ferry.engine.model;

/**
 * One key column of an index with its sort order and where its NULLs sort. PostgreSQL's default
 * puts NULLs last ascending and first descending; {@code DESC NULLS LAST} and {@code ASC NULLS
 * FIRST} are kept as such (issue 12.4).
 */
public record IndexColumn(String name, boolean descending, boolean nullsFirst) {
    /** A column with PostgreSQL's default NULL placement for its order. */
    public IndexColumn(String name, boolean descending) {
        this(name, descending, descending);
    }

    public static IndexColumn asc(String name) {
        return new IndexColumn(name, false);
    }

    /** Whether NULLs sort where PostgreSQL puts them by default for this order. */
    public boolean defaultNulls() {
        return nullsFirst == descending;
    }
}
