package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.source.CatalogQuery;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.CheckRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ColumnRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ForeignKeyColumnRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ForeignKeyRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.IndexColumnRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.IndexRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ObjectRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.TableRow;
import java.sql.Connection;

/** Reads SQL Server's sys.* catalog views into a {@link SqlServerCatalog}. */
final class SqlServerCatalogReader {
    static final String TABLES = """
            SELECT t.object_id, s.name AS schema_name, t.name AS table_name
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0
            ORDER BY s.name, t.name""";

    static final String COLUMNS = """
            SELECT c.object_id, c.column_id, c.name,
                   CASE WHEN ty.is_user_defined = 1 AND ty.is_assembly_type = 0 THEN bt.name ELSE ty.name END AS type_name,
                   c.max_length, c.precision, c.scale, c.is_nullable, c.collation_name, c.is_identity,
                   CONVERT(decimal(38, 0), ic.seed_value) AS seed_value,
                   CONVERT(decimal(38, 0), ic.increment_value) AS increment_value,
                   CONVERT(decimal(38, 0), ic.last_value) AS last_value,
                   cc.definition AS computed_definition, cc.is_persisted, dc.definition AS default_definition
            FROM sys.columns c
            JOIN sys.tables t ON t.object_id = c.object_id
            JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            LEFT JOIN sys.types bt ON bt.user_type_id = c.system_type_id
            LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
            LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
            LEFT JOIN sys.default_constraints dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
            WHERE t.is_ms_shipped = 0
            ORDER BY c.object_id, c.column_id""";

    static final String INDEXES = """
            SELECT i.object_id, i.index_id, i.name, i.type_desc, i.is_unique, i.is_primary_key,
                   i.is_unique_constraint, i.has_filter, i.filter_definition, i.is_disabled
            FROM sys.indexes i JOIN sys.tables t ON t.object_id = i.object_id
            WHERE t.is_ms_shipped = 0 AND i.type > 0 AND i.is_hypothetical = 0
            ORDER BY i.object_id, i.index_id""";

    static final String INDEX_COLUMNS = """
            SELECT ic.object_id, ic.index_id, ic.key_ordinal, ic.index_column_id, c.name AS column_name,
                   ic.is_descending_key, ic.is_included_column
            FROM sys.index_columns ic
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            JOIN sys.tables t ON t.object_id = ic.object_id
            WHERE t.is_ms_shipped = 0
            ORDER BY ic.object_id, ic.index_id, ic.key_ordinal, ic.index_column_id""";

    static final String FOREIGN_KEYS = """
            SELECT fk.object_id, fk.parent_object_id, fk.name, rs.name AS referenced_schema, rt.name AS referenced_table,
                   fk.delete_referential_action_desc AS delete_action, fk.update_referential_action_desc AS update_action,
                   fk.is_disabled, fk.is_not_trusted
            FROM sys.foreign_keys fk
            JOIN sys.tables rt ON rt.object_id = fk.referenced_object_id
            JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
            ORDER BY fk.parent_object_id, fk.name""";

    static final String FOREIGN_KEY_COLUMNS = """
            SELECT fkc.constraint_object_id, fkc.constraint_column_id, pc.name AS column_name,
                   rc.name AS referenced_column_name
            FROM sys.foreign_key_columns fkc
            JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
            JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
            ORDER BY fkc.constraint_object_id, fkc.constraint_column_id""";

    static final String CHECKS = """
            SELECT cc.parent_object_id, cc.name, cc.definition, cc.is_disabled, cc.is_not_trusted
            FROM sys.check_constraints cc JOIN sys.tables t ON t.object_id = cc.parent_object_id
            WHERE t.is_ms_shipped = 0
            ORDER BY cc.parent_object_id, cc.name""";

    static final String OBJECTS = """
            SELECT s.name AS schema_name, o.name, RTRIM(o.type) AS type
            FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE o.is_ms_shipped = 0 AND o.type IN ('V', 'P', 'FN', 'IF', 'TF', 'TR', 'SO', 'SN')
            ORDER BY o.type, s.name, o.name""";

    SqlServerCatalog read(Connection c) {
        return new SqlServerCatalog(
                CatalogQuery.list(c, TABLES, TableRow.class),
                CatalogQuery.list(c, COLUMNS, ColumnRow.class),
                CatalogQuery.list(c, INDEXES, IndexRow.class),
                CatalogQuery.list(c, INDEX_COLUMNS, IndexColumnRow.class),
                CatalogQuery.list(c, FOREIGN_KEYS, ForeignKeyRow.class),
                CatalogQuery.list(c, FOREIGN_KEY_COLUMNS, ForeignKeyColumnRow.class),
                CatalogQuery.list(c, CHECKS, CheckRow.class),
                CatalogQuery.list(c, OBJECTS, ObjectRow.class));
    }
}
