package dev.ferry.engine.model;

import java.util.List;

/**
 * An index that is not the implementation of a primary key or unique constraint.
 *
 * @param include       non-key (INCLUDE) columns
 * @param filter        the predicate of a filtered/partial index in the source's SQL, or null
 * @param nullsDistinct for unique indexes, whether NULLs count as different values
 */
public record Index(String name, boolean unique, List<IndexColumn> columns, List<String> include, String filter,
                    boolean nullsDistinct) {
    public Index {
        columns = List.copyOf(columns);
        include = List.copyOf(include);
    }
}
