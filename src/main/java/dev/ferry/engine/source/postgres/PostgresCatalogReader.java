package dev.ferry.engine.source.postgres;

import dev.ferry.engine.model.CheckConstraint;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DataType;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import dev.ferry.engine.model.ForeignKey;
import dev.ferry.engine.model.Identity;
import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.IndexColumn;
import dev.ferry.engine.model.KeyConstraint;
import dev.ferry.engine.model.ReferentialAction;
import dev.ferry.engine.model.SourceObject;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.CatalogQuery;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads PostgreSQL's pg_catalog. Used for PostgreSQL sources and to read a target back. Ferry's
 * own schemas ({@code ferry} on a target, {@code ferry_cdc} on a captured source) are never part
 * of a schema read here.
 */
final class PostgresCatalogReader {
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'ferry', 'ferry_cdc', 'ferry_fence') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    static final String TABLES = """
            SELECT c.oid::bigint AS oid, n.nspname AS schema_name, c.relname AS table_name,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
                   ARRAY(SELECT pn.nspname || '.' || p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                         JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid ORDER BY 1)::text[] AS parents,
                   ARRAY(SELECT chn.nspname || '.' || ch.relname FROM pg_inherits i JOIN pg_class ch ON ch.oid = i.inhrelid
                         JOIN pg_namespace chn ON chn.oid = ch.relnamespace WHERE i.inhparent = c.oid AND NOT ch.relispartition
                         ORDER BY 1)::text[] AS children,
                   obj_description(c.oid, 'pg_class') AS comment
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND %s
            ORDER BY 2, 3""".formatted(USER_SCHEMAS);

    static final String COLUMNS = """
            SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                   CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default_expr,
                   CASE WHEN a.attgenerated = 's' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated_expr,
                   a.attidentity AS identity, s.seqstart AS seq_start, s.seqincrement AS seq_increment,
                   CASE WHEN s.seqrelid IS NOT NULL THEN pg_sequence_last_value(s.seqrelid) END AS seq_last,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
                   col_description(a.attrelid, a.attnum) AS comment
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN LATERAL (SELECT sq.* FROM pg_depend dep JOIN pg_sequence sq ON sq.seqrelid = dep.objid
                   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
                   AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i')
                   LIMIT 1) s ON true
            WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum""";

    static final String CONSTRAINTS = """
            SELECT con.conname AS name, con.contype AS type,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
                   rn.nspname AS referenced_schema, rc.relname AS referenced_table,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS referenced_columns,
                   con.confdeltype AS delete_action, con.confupdtype AS update_action,
                   CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS check_expr,
                   NOT coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_distinct, con.convalidated AS validated,
                   con.condeferrable AS deferrable, con.condeferred AS initially_deferred
            FROM pg_constraint con
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
            WHERE con.conrelid = ? AND con.contype IN ('p', 'u', 'f', 'c', 'x')
            ORDER BY con.conname""";

    static final String INDEXES = """
            SELECT ic.relname AS name, i.indisunique AS is_unique,
                   NOT coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_distinct,
                   pg_get_expr(i.indpred, i.indrelid) AS predicate, am.amname AS method,
                   i.indexprs IS NOT NULL AS has_expressions, pg_get_indexdef(i.indexrelid) AS definition,
                   ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
                         WHERE k.o <= i.indnkeyatts ORDER BY k.o)::text[] AS key_columns,
                   ARRAY(SELECT (i.indoption[k.o - 1] & 1) = 1 FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                         WHERE k.o <= i.indnkeyatts ORDER BY k.o)::boolean[] AS descending,
                   ARRAY(SELECT (i.indoption[k.o - 1] & 2) = 2 FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                         WHERE k.o <= i.indnkeyatts ORDER BY k.o)::boolean[] AS nulls_first,
                   ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
                         WHERE k.o > i.indnkeyatts ORDER BY k.o)::text[] AS include_columns
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            WHERE i.indrelid = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY ic.relname""";

    static final String OBJECTS = """
            SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'VIEW' END AS kind, n.nspname AS schema_name, c.relname AS name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'm' AND %1$s
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')
                              AND d.refclassid = 'pg_class'::regclass)
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, n.nspname, p.proname
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE %1$s AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 'TRIGGER', n.nspname, t.tgname
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND %1$s
            ORDER BY 1, 2, 3""".formatted(USER_SCHEMAS);

    private static final Map<String, ReferentialAction> ACTIONS = Map.of(
            "a", ReferentialAction.NO_ACTION, "r", ReferentialAction.RESTRICT, "c", ReferentialAction.CASCADE,
            "n", ReferentialAction.SET_NULL, "d", ReferentialAction.SET_DEFAULT);

    record TableRow(long oid, String schemaName, String tableName, String partitionKey, List<String> parents,
                    List<String> children, String comment) {
    }

    record ColumnRow(String name, String type, boolean notNull, String defaultExpr, String generatedExpr,
                     String identity, Long seqStart, Long seqIncrement, Long seqLast, String collation, String comment) {
    }

    record ConstraintRow(String name, String type, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, String deleteAction, String updateAction, String checkExpr,
                         boolean nullsDistinct, boolean validated, boolean deferrable, boolean initiallyDeferred) {
    }

    record IndexRow(String name, boolean isUnique, boolean nullsDistinct, String predicate, String method,
                    boolean hasExpressions, String definition, List<String> keyColumns, List<Boolean> descending,
                    List<Boolean> nullsFirst, List<String> includeColumns) {
    }

    record ObjectRow(String kind, String schemaName, String name) {
    }

    private final Connection connection;
    private final List<Finding> findings = new ArrayList<>();

    PostgresCatalogReader(Connection connection) {
        this.connection = connection;
    }

    DatabaseSchema read() {
        List<Table> tables = CatalogQuery.list(connection, TABLES, TableRow.class).stream().map(this::table).toList();
        List<SourceObject> others = CatalogQuery.list(connection, OBJECTS, ObjectRow.class).stream()
                .map(o -> new SourceObject(SourceObject.Kind.valueOf(o.kind()), o.schemaName(), o.name())).toList();
        PostgresObjectReader objects = new PostgresObjectReader(connection);
        return new DatabaseSchema(PostgresDialect.PRODUCT, PostgresDialect.DEFAULT_SCHEMA, tables, others, findings,
                objects.views(), objects.sequences());
    }

    private Table table(TableRow t) {
        TableRef ref = new TableRef(t.schemaName(), t.tableName());
        unconvertedStructure(ref, t);
        List<Column> columns = CatalogQuery.list(connection, COLUMNS, ColumnRow.class, t.oid()).stream()
                .map(PostgresCatalogReader::column).toList();
        KeyConstraint pk = null;
        List<KeyConstraint> uniques = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (ConstraintRow c : CatalogQuery.list(connection, CONSTRAINTS, ConstraintRow.class, t.oid())) {
            if (!c.validated()) {
                findings.add(new Finding(Severity.WARNING, Category.CHECK, ref + "." + c.name(),
                        "constraint is NOT VALID on the source (rows may violate it): created NOT VALID on the target"));
            }
            switch (c.type()) {
                case "p" -> pk = new KeyConstraint(c.name(), c.columns(), true);
                case "u" -> uniques.add(new KeyConstraint(c.name(), c.columns(), c.nullsDistinct()));
                case "f" -> fks.add(new ForeignKey(c.name(), c.columns(), new TableRef(c.referencedSchema(), c.referencedTable()),
                        c.referencedColumns(), ACTIONS.get(c.deleteAction()), ACTIONS.get(c.updateAction()), c.deferrable(),
                        c.initiallyDeferred(), c.validated()));
                case "c" -> checks.add(new CheckConstraint(c.name(), c.checkExpr(), c.validated()));
                default -> findings.add(new Finding(Severity.WARNING, Category.NOT_CONVERTED, ref + "." + c.name(),
                        "exclusion constraint is not converted"));
            }
        }
        return new Table(ref, columns, pk, uniques, indexes(ref, t.oid()), fks, checks, t.comment());
    }

    /**
     * Partitioning and inheritance, which Ferry does not convert: errors, so a plan that includes
     * the table is refused (issue 12.4) — the partitions were lost, an inheritance parent's rows
     * were copied with its children's.
     */
    private void unconvertedStructure(TableRef ref, TableRow t) {
        String advice = "; Ferry converts neither, so leave it out with tables.exclude and move it by hand";
        if (t.partitionKey() != null) {
            findings.add(new Finding(Severity.ERROR, Category.NOT_CONVERTED, ref.toString(), "it is partitioned (PARTITION BY "
                    + t.partitionKey() + "): its partitions and the partitioning would be lost" + advice));
        }
        if (t.children() != null && !t.children().isEmpty()) {
            findings.add(new Finding(Severity.ERROR, Category.NOT_CONVERTED, ref.toString(), "it is inherited by "
                    + String.join(", ", t.children()) + " (table inheritance): reading it reads their rows too, so they would be "
                    + "copied twice and the link lost" + advice));
        }
        if (t.parents() != null && !t.parents().isEmpty()) {
            findings.add(new Finding(Severity.ERROR, Category.NOT_CONVERTED, ref.toString(), "it inherits from "
                    + String.join(", ", t.parents()) + " (table inheritance): the link would be lost" + advice));
        }
    }

    private List<Index> indexes(TableRef ref, long oid) {
        List<Index> out = new ArrayList<>();
        for (IndexRow i : CatalogQuery.list(connection, INDEXES, IndexRow.class, oid)) {
            if (i.hasExpressions() || !i.method().equals("btree")) {
                findings.add(new Finding(Severity.WARNING, Category.INDEX, ref + "." + i.name(),
                        "expression or non-btree index is not converted: " + i.definition()));
                continue;
            }
            List<IndexColumn> cols = new ArrayList<>();
            for (int k = 0; k < i.keyColumns().size(); k++) {
                cols.add(new IndexColumn(i.keyColumns().get(k), i.descending().get(k), i.nullsFirst().get(k)));
            }
            out.add(new Index(i.name(), i.isUnique(), cols, i.includeColumns(), i.predicate(), i.nullsDistinct()));
        }
        return out;
    }

    private static Column column(ColumnRow r) {
        Identity identity = null;
        String defaultExpr = r.defaultExpr();
        boolean serial = defaultExpr != null && defaultExpr.startsWith("nextval(") && r.seqStart() != null;
        if (!r.identity().isEmpty() || serial) {
            identity = new Identity(r.seqStart(), r.seqIncrement(), r.seqLast(), "a".equals(r.identity()));
            defaultExpr = null;
        }
        return new Column(r.name(), new DataType(r.type(), null, null, null), !r.notNull(), defaultExpr, identity,
                r.generatedExpr(), true, r.collation(), r.comment());
    }
}
