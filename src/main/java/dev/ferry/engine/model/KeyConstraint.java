package dev.ferry.engine.model;

import java.util.List;

/**
 * A primary key or unique constraint.
 *
 * @param nullsDistinct whether two NULLs count as different values (false on SQL Server, where a
 *                      unique key admits one NULL)
 */
public record KeyConstraint(String name, List<String> columns, boolean nullsDistinct) {
    public KeyConstraint {
        columns = List.copyOf(columns);
    }
}
