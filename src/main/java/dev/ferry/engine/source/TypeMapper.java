package dev.ferry.engine.source;

import dev.ferry.engine.model.DataType;

/** One source dialect's column types to PostgreSQL. Each dialect has one; docs/type-mapping.md lists SQL Server's. */
public interface TypeMapper {
    /** The PostgreSQL type for {@code type}, or null when the type is unknown (the caller reports it). */
    MappedType map(DataType type);

    /** Whether a column with this collation compares case-insensitively on the source. */
    boolean isCaseInsensitive(String collation);

    /** The PostgreSQL collation to keep for a case-sensitive source collation, or null for the database default. */
    default String targetCollation(String sourceCollation) {
        return null;
    }
}
