package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.source.CatalogQuery;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.DescriptionRow;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.SequenceRow;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.ViewDependencyRow;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.ViewRow;
import java.sql.Connection;
import java.util.List;

/** Reads SQL Server's views, sequences and MS_Description extended properties into a {@link SqlServerObjectCatalog}. */
final class SqlServerObjectReader {
    static final String VIEWS = """
            SELECT v.object_id, s.name AS schema_name, v.name AS view_name, m.definition
            FROM sys.views v JOIN sys.schemas s ON s.schema_id = v.schema_id
            LEFT JOIN sys.sql_modules m ON m.object_id = v.object_id
            WHERE v.is_ms_shipped = 0
            ORDER BY s.name, v.name""";

    static final String VIEW_DEPENDENCIES = """
            SELECT DISTINCT d.referencing_id AS view_object_id,
                   COALESCE(OBJECT_SCHEMA_NAME(d.referenced_id), d.referenced_schema_name, SCHEMA_NAME(v.schema_id)) AS referenced_schema,
                   d.referenced_entity_name AS referenced_name
            FROM sys.sql_expression_dependencies d JOIN sys.views v ON v.object_id = d.referencing_id
            WHERE d.referenced_database_name IS NULL AND d.referenced_class = 1
            ORDER BY 1, 2, 3""";

    static final String SEQUENCES = """
            SELECT s.name AS schema_name, q.name, TYPE_NAME(q.system_type_id) AS type_name,
                   CONVERT(decimal(38, 0), q.start_value) AS start_value, CONVERT(decimal(38, 0), q.increment) AS increment,
                   CONVERT(decimal(38, 0), q.minimum_value) AS minimum_value,
                   CONVERT(decimal(38, 0), q.maximum_value) AS maximum_value,
                   q.is_cycling, q.is_cached, q.cache_size, CONVERT(decimal(38, 0), q.last_used_value) AS last_used_value
            FROM sys.sequences q JOIN sys.schemas s ON s.schema_id = q.schema_id
            ORDER BY s.name, q.name""";

    static final String DESCRIPTIONS = """
            SELECT ep.major_id, ep.minor_id, CONVERT(nvarchar(4000), ep.value) AS value
            FROM sys.extended_properties ep
            WHERE ep.class = 1 AND ep.name = 'MS_Description'
            ORDER BY ep.major_id, ep.minor_id""";

    SqlServerObjectCatalog read(Connection c) {
        return new SqlServerObjectCatalog(
                CatalogQuery.list(c, VIEWS, ViewRow.class),
                CatalogQuery.list(c, VIEW_DEPENDENCIES, ViewDependencyRow.class),
                sequences(c),
                CatalogQuery.list(c, DESCRIPTIONS, DescriptionRow.class));
    }

    List<SequenceRow> sequences(Connection c) {
        return CatalogQuery.list(c, SEQUENCES, SequenceRow.class);
    }
}
