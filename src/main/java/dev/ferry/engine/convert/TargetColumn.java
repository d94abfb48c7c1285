package dev.ferry.engine.convert;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.model.Identity;

/**
 * A column as Ferry creates it on PostgreSQL.
 *
 * @param type       the PostgreSQL type including any COLLATE clause's target, e.g. {@code citext}
 * @param collation  a collation to apply ({@code ferry_ci}), or null
 * @param defaultSql the translated default, or null
 * @param generated  the translated expression of a generated (computed) column, or null
 * @param comment    the source column's description, or null
 */
public record TargetColumn(String sourceName, String name, DataType sourceType, String type, String collation,
                           boolean nullable, String defaultSql, Identity identity, String generated, String comment) {
    public boolean isGenerated() {
        return generated != null;
    }
}
