package dev.ferry.engine.source.sqlserver;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rows Ferry reads from SQL Server's {@code sys.*} catalog views, one record type per query.
 * Record components are the queries' column labels; test fixtures use the same names.
 */
public record SqlServerCatalog(List<TableRow> tables, List<ColumnRow> columns, List<IndexRow> indexes,
                               List<IndexColumnRow> indexColumns, List<ForeignKeyRow> foreignKeys,
                               List<ForeignKeyColumnRow> foreignKeyColumns, List<CheckRow> checks,
                               List<ObjectRow> objects) {

    /** sys.tables joined to sys.schemas. */
    public record TableRow(int objectId, String schemaName, String tableName) {
    }

    /**
     * sys.columns with its type, identity, computed and default rows. {@code maxLength} is in
     * bytes (-1 for max); {@code typeName} is the base type for alias types.
     */
    public record ColumnRow(int objectId, int columnId, String name, String typeName, int maxLength, int precision,
                            int scale, boolean isNullable, String collationName, boolean isIdentity,
                            BigDecimal seedValue, BigDecimal incrementValue, BigDecimal lastValue,
                            String computedDefinition, Boolean isPersisted, String defaultDefinition) {
    }

    /** sys.indexes (heaps excluded). */
    public record IndexRow(int objectId, int indexId, String name, String typeDesc, boolean isUnique,
                           boolean isPrimaryKey, boolean isUniqueConstraint, boolean hasFilter,
                           String filterDefinition, boolean isDisabled) {
    }

    /**
     * sys.index_columns; {@code keyOrdinal} is 0 for columns that are not key columns: INCLUDE columns,
     * every column of a columnstore index ({@code isIncludedColumn} 1), and the partitioning column SQL
     * Server adds to an index aligned with a partition scheme ({@code isIncludedColumn} 0).
     */
    public record IndexColumnRow(int objectId, int indexId, int keyOrdinal, int indexColumnId, String columnName,
                                 boolean isDescendingKey, boolean isIncludedColumn) {
    }

    /**
     * sys.foreign_keys with the referenced table's schema and name; {@code isNotTrusted} when created or
     * re-enabled WITH NOCHECK (rows may violate it).
     */
    public record ForeignKeyRow(int objectId, int parentObjectId, String name, String referencedSchema,
                                String referencedTable, String deleteAction, String updateAction, boolean isDisabled,
                                boolean isNotTrusted) {
    }

    /** sys.foreign_key_columns with both column names. */
    public record ForeignKeyColumnRow(int constraintObjectId, int constraintColumnId, String columnName,
                                      String referencedColumnName) {
    }

    /** sys.check_constraints; {@code isNotTrusted} as for foreign keys. */
    public record CheckRow(int parentObjectId, String name, String definition, boolean isDisabled, boolean isNotTrusted) {
    }

    /** sys.objects of the kinds listed but not converted (views, procedures, functions, triggers, sequences, synonyms). */
    public record ObjectRow(String schemaName, String name, String type) {
    }
}
