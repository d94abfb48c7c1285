package dev.ferry.engine.source.postgres;

import dev.ferry.engine.model.Sequence;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.model.View;
import dev.ferry.engine.source.CatalogQuery;
import java.sql.Connection;
import java.util.List;

/**
 * Reads PostgreSQL's views (pg_get_viewdef, with the relations each reads from pg_depend) and the
 * sequences no column owns (an identity's or serial's sequence belongs to its column). Objects of
 * extensions and of Ferry's own schemas are left out.
 */
final class PostgresObjectReader {
    private static final String USER_OBJECT = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'ferry', 'ferry_cdc', 'ferry_fence') "
            + "AND n.nspname NOT LIKE 'pg\\_%' AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = c.oid AND e.deptype = 'e')";

    static final String VIEWS = """
            SELECT c.oid::bigint AS oid, n.nspname AS schema_name, c.relname AS view_name, pg_get_viewdef(c.oid) AS definition,
                   obj_description(c.oid, 'pg_class') AS comment
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'v' AND %s
            ORDER BY 2, 3""".formatted(USER_OBJECT);

    static final String VIEW_READS = """
            SELECT DISTINCT rn.nspname AS schema_name, r.relname AS name
            FROM pg_rewrite rw
            JOIN pg_depend d ON d.objid = rw.oid AND d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class r ON r.oid = d.refobjid JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE rw.ev_class = ? AND r.oid <> rw.ev_class
            ORDER BY 1, 2""";

    static final String SEQUENCES = """
            SELECT n.nspname AS schema_name, c.relname AS name, format_type(s.seqtypid, NULL) AS type_name,
                   s.seqstart AS start_value, s.seqincrement AS increment, s.seqmin AS minimum_value, s.seqmax AS maximum_value,
                   s.seqcycle AS is_cycling, s.seqcache AS cache_size, pg_sequence_last_value(c.oid) AS last_value
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE %s AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')
                                     AND d.refclassid = 'pg_class'::regclass)
            ORDER BY 1, 2""".formatted(USER_OBJECT);

    record ViewRow(long oid, String schemaName, String viewName, String definition, String comment) {
    }

    record NameRow(String schemaName, String name) {
    }

    record SequenceRow(String schemaName, String name, String typeName, long startValue, long increment, long minimumValue,
                       long maximumValue, boolean isCycling, long cacheSize, Long lastValue) {
    }

    private final Connection connection;

    PostgresObjectReader(Connection connection) {
        this.connection = connection;
    }

    List<View> views() {
        return CatalogQuery.list(connection, VIEWS, ViewRow.class).stream().map(v -> new View(
                new TableRef(v.schemaName(), v.viewName()), v.definition(),
                CatalogQuery.list(connection, VIEW_READS, NameRow.class, v.oid()).stream()
                        .map(r -> new TableRef(r.schemaName(), r.name())).toList(), v.comment())).toList();
    }

    List<Sequence> sequences() {
        return CatalogQuery.list(connection, SEQUENCES, SequenceRow.class).stream().map(s -> new Sequence(
                new TableRef(s.schemaName(), s.name()), s.typeName(), s.startValue(), s.increment(), s.minimumValue(),
                s.maximumValue(), s.isCycling(), s.cacheSize(), s.lastValue())).toList();
    }
}
