package dev.ferry.engine.source.h2;

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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads H2's INFORMATION_SCHEMA. Keeps H2's quirks here: the indexes H2 creates on its own behind
 * foreign keys (which a SQL Server source never had) are left out, unnamed primary keys
 * ({@code CONSTRAINT_5}) get PostgreSQL's conventional {@code <table>_pkey} name, and H2's
 * RESTRICT (its spelling of NO ACTION) is read as NO ACTION. Ferry's own change capture (schema
 * {@code FERRY_CDC}, triggers named {@code FERRY_*}, for capture and for a cutover's freeze) is never part of the
 * schema.
 */
final class H2CatalogReader {
    static final String TABLES = """
            SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, REMARKS AS comment FROM INFORMATION_SCHEMA.TABLES
            WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA', 'FERRY_CDC') ORDER BY 1, 2""";
    static final String COLUMNS = """
            SELECT COLUMN_NAME AS name, DATA_TYPE AS data_type, CHARACTER_MAXIMUM_LENGTH AS length,
                   NUMERIC_PRECISION AS numeric_precision, NUMERIC_SCALE AS numeric_scale,
                   DATETIME_PRECISION AS datetime_precision, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default,
                   IS_IDENTITY AS is_identity, IDENTITY_START AS identity_start, IDENTITY_INCREMENT AS identity_increment,
                   IDENTITY_BASE AS identity_base, GENERATION_EXPRESSION AS generation_expression, REMARKS AS comment
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION""";
    static final String CONSTRAINTS = """
            SELECT tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS type, tc.NULLS_DISTINCT AS nulls_distinct,
                   rc.UNIQUE_CONSTRAINT_SCHEMA AS referenced_constraint_schema,
                   rc.UNIQUE_CONSTRAINT_NAME AS referenced_constraint, rc.DELETE_RULE AS delete_rule,
                   rc.UPDATE_RULE AS update_rule, cc.CHECK_CLAUSE AS check_clause
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
                   ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
                   ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? ORDER BY tc.CONSTRAINT_NAME""";
    static final String KEY_COLUMNS = """
            SELECT k.COLUMN_NAME AS column_name FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
            WHERE k.CONSTRAINT_SCHEMA = ? AND k.CONSTRAINT_NAME = ? ORDER BY k.ORDINAL_POSITION""";
    static final String REFERENCED_TABLE = """
            SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_NAME = ?""";
    static final String INDEXES = """
            SELECT INDEX_NAME AS name, INDEX_TYPE_NAME AS type, NULLS_DISTINCT AS nulls_distinct, IS_GENERATED AS is_generated
            FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
              AND INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX') ORDER BY INDEX_NAME""";
    static final String INDEX_COLUMNS = """
            SELECT COLUMN_NAME AS column_name, ORDERING_SPECIFICATION AS ordering FROM INFORMATION_SCHEMA.INDEX_COLUMNS
            WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ? ORDER BY ORDINAL_POSITION""";
    static final String OBJECTS = """
            SELECT 'TRIGGER' AS kind, TRIGGER_SCHEMA AS schema_name, TRIGGER_NAME AS name FROM INFORMATION_SCHEMA.TRIGGERS
            WHERE TRIGGER_NAME NOT LIKE 'FERRY\\_%'
            UNION ALL SELECT 'FUNCTION', ROUTINE_SCHEMA, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES
            WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'
            ORDER BY 1, 2, 3""";

    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+");

    record TableRow(String schemaName, String tableName, String comment) {
    }

    record ColumnRow(String name, String dataType, Long length, Integer numericPrecision, Integer numericScale,
                     Integer datetimePrecision, String isNullable, String columnDefault, String isIdentity,
                     Long identityStart, Long identityIncrement, Long identityBase, String generationExpression,
                     String comment) {
    }

    record ConstraintRow(String name, String type, String nullsDistinct, String referencedConstraintSchema,
                         String referencedConstraint, String deleteRule, String updateRule, String checkClause) {
    }

    record NameRow(String columnName) {
    }

    record IndexRow(String name, String type, String nullsDistinct, boolean isGenerated) {
    }

    record IndexColumnRow(String columnName, String ordering) {
    }

    record ObjectRow(String kind, String schemaName, String name) {
    }

    private final Connection connection;
    private final List<Finding> findings = new ArrayList<>();

    H2CatalogReader(Connection connection) {
        this.connection = connection;
    }

    DatabaseSchema read() {
        List<Table> tables = CatalogQuery.list(connection, TABLES, TableRow.class).stream()
                .map(t -> table(new TableRef(t.schemaName(), t.tableName())).withComment(t.comment())).toList();
        List<SourceObject> others = CatalogQuery.list(connection, OBJECTS, ObjectRow.class).stream()
                .map(o -> new SourceObject(SourceObject.Kind.valueOf(o.kind()), o.schemaName(), o.name())).toList();
        H2ObjectReader objects = new H2ObjectReader(connection);
        return new DatabaseSchema(H2Dialect.PRODUCT, H2Dialect.DEFAULT_SCHEMA, tables, others, findings, objects.views(),
                objects.sequences());
    }

    private Table table(TableRef ref) {
        List<Column> columns = CatalogQuery.list(connection, COLUMNS, ColumnRow.class, ref.schema(), ref.name())
                .stream().map(H2CatalogReader::column).toList();
        KeyConstraint pk = null;
        List<KeyConstraint> uniques = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (ConstraintRow c : CatalogQuery.list(connection, CONSTRAINTS, ConstraintRow.class, ref.schema(), ref.name())) {
            List<String> cols = keyColumns(ref.schema(), c.name());
            switch (c.type()) {
                case "PRIMARY KEY" -> pk = new KeyConstraint(
                        GENERATED_NAME.matcher(c.name()).matches() ? ref.name() + "_pkey" : c.name(), cols, false);
                case "UNIQUE" -> uniques.add(new KeyConstraint(c.name(), cols, !"NO".equals(c.nullsDistinct())));
                case "FOREIGN KEY" -> fks.add(foreignKey(c, cols));
                case "CHECK" -> checks.add(new CheckConstraint(c.name(), c.checkClause()));
                default -> findings.add(new Finding(Severity.WARNING, Category.NOT_CONVERTED, ref + "." + c.name(),
                        c.type().toLowerCase(Locale.ROOT) + " constraint is not converted"));
            }
        }
        return new Table(ref, columns, pk, uniques, indexes(ref), fks, checks);
    }

    private List<Index> indexes(TableRef ref) {
        List<Index> out = new ArrayList<>();
        for (IndexRow i : CatalogQuery.list(connection, INDEXES, IndexRow.class, ref.schema(), ref.name())) {
            if (i.isGenerated()) {
                findings.add(new Finding(Severity.INFO, Category.INDEX, ref + "." + i.name(),
                        "index H2 created on its own behind a key or foreign key: left out (the constraint itself is converted; "
                                + "a SQL Server source has no such index)"));
                continue;
            }
            List<IndexColumn> cols = CatalogQuery.list(connection, INDEX_COLUMNS, IndexColumnRow.class, ref.schema(), i.name())
                    .stream().map(c -> new IndexColumn(c.columnName(), "DESC".equals(c.ordering()))).toList();
            boolean unique = i.type().equals("UNIQUE INDEX");
            out.add(new Index(i.name(), unique, cols, List.of(), null, !"NO".equals(i.nullsDistinct())));
        }
        return out;
    }

    private ForeignKey foreignKey(ConstraintRow c, List<String> cols) {
        TableRow referenced = CatalogQuery.list(connection, REFERENCED_TABLE, TableRow.class,
                c.referencedConstraintSchema(), c.referencedConstraint()).get(0);
        return new ForeignKey(c.name(), cols, new TableRef(referenced.schemaName(), referenced.tableName()),
                keyColumns(c.referencedConstraintSchema(), c.referencedConstraint()),
                action(c.deleteRule()), action(c.updateRule()));
    }

    /** H2 reports NO ACTION as RESTRICT (it treats them alike); the SQL Server it stands in for has no RESTRICT. */
    private static ReferentialAction action(String rule) {
        ReferentialAction a = ReferentialAction.parse(rule);
        return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    private List<String> keyColumns(String schema, String constraint) {
        return CatalogQuery.list(connection, KEY_COLUMNS, NameRow.class, schema, constraint).stream()
                .map(NameRow::columnName).toList();
    }

    private static Column column(ColumnRow r) {
        Identity identity = "YES".equals(r.isIdentity())
                ? new Identity(r.identityStart(), r.identityIncrement(), lastValue(r)) : null;
        String type = r.dataType().toLowerCase(Locale.ROOT);
        DataType dataType = switch (type) {
            case "character", "character varying", "varchar_ignorecase", "binary", "binary varying" ->
                    DataType.sized(type, r.length() == null || r.length() >= H2TypeMapper.H2_MAX_LENGTH ? DataType.MAX : r.length().intValue());
            case "numeric", "decimal" -> DataType.numeric(type, r.numericPrecision(), r.numericScale());
            case "time", "timestamp", "time with time zone", "timestamp with time zone" ->
                    DataType.temporal(type, r.datetimePrecision());
            default -> DataType.of(type);
        };
        String collation = type.equals("varchar_ignorecase") ? H2TypeMapper.IGNORECASE : null;
        return new Column(r.name(), dataType, "YES".equals(r.isNullable()), r.columnDefault(), identity,
                r.generationExpression(), true, collation, r.comment());
    }

    /** H2's identity base is the next value to hand out; the last one is one increment below, if any was. */
    private static Long lastValue(ColumnRow r) {
        if (r.identityBase() == null || r.identityBase().equals(r.identityStart())) {
            return null;
        }
        return r.identityBase() - r.identityIncrement();
    }
}
