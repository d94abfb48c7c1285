package dev.ferry.engine.convert;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.CheckConstraint;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.source.MappedType;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.ForeignKey;
import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.IndexColumn;
import dev.ferry.engine.model.KeyConstraint;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.expr.ColumnTypes;
import dev.ferry.engine.source.expr.Expressions;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts an introspected source schema into the PostgreSQL schema Ferry creates, applying the
 * config (table filter, schema mapping, name style, casts, expression overrides) and recording a
 * finding for everything that changes or cannot be converted.
 */
public final class SchemaConverter {
    private final SourceDialect dialect;
    private final MigrationConfig config;
    private final NameMapper names;

    public SchemaConverter(SourceDialect dialect, MigrationConfig config) {
        this.dialect = dialect;
        this.config = config;
        this.names = new NameMapper(config.names());
    }

    public TargetSchema convert(DatabaseSchema source) {
        ConfigChecks.check(config, source);
        List<Finding> findings = new ArrayList<>(source.findings());
        NameRegistry registry = new NameRegistry();
        List<Table> tables = source.tables().stream().filter(t -> config.tables().accepts(t.ref())).toList();
        refuseUnconvertedTables(source, tables);
        Map<TableRef, TableRef> targetRefs = new LinkedHashMap<>();
        for (Table t : tables) {
            TableRef target = new TableRef(targetSchema(t.ref().schema()), names.map(t.ref().name()));
            registry.claim("relations of schema " + target.schema(), target.name(), "table " + t.ref());
            targetRefs.put(t.ref(), target);
        }
        ExpressionConverter expressions = new ExpressionConverter(dialect.expressionTranslator(), config.expressions(), findings);
        Map<TableRef, TargetSequence> sequences = SequenceConverter.convert(source.sequences(), this::targetSchema, names,
                registry, findings);
        ColumnConverter columns = new ColumnConverter(dialect.typeMapper(), config, expressions, findings,
                new SequenceDefaults(sequences, source.defaultSchema()));
        IndexNames indexNames = new IndexNames(names, tables, targetRefs, otherRelations(source, sequences.values()));
        List<NameChange> renames = new ArrayList<>();
        List<TargetTable> converted = new ArrayList<>();
        for (Table t : tables) {
            converted.add(new TableConversion(t, targetRefs, registry, columns, expressions, findings, indexNames, renames).convert());
        }
        List<TargetView> views = new ViewConverter(dialect.viewTranslator(), config, names, findings)
                .convert(source, converted, this::targetSchema, registry);
        for (var other : source.otherObjects()) {
            findings.add(new Finding(Severity.WARNING, Category.NOT_CONVERTED, other.schema() + "." + other.name(),
                    other.kind().name().toLowerCase(java.util.Locale.ROOT) + " is not converted: recreate it by hand"));
        }
        Set<String> schemas = new LinkedHashSet<>();
        targetRefs.values().forEach(r -> schemas.add(r.schema()));
        boolean citext = converted.stream().flatMap(t -> t.columns().stream()).anyMatch(c -> c.type().equals("citext"));
        boolean ci = converted.stream().flatMap(t -> t.columns().stream())
                .anyMatch(c -> TargetSchema.CI_COLLATION.equals(c.collation()));
        sequences.values().forEach(q -> schemas.add(q.schema()));
        views.forEach(v -> schemas.add(v.schema()));
        return new TargetSchema(source, List.copyOf(schemas), citext ? List.of("citext") : List.of(), ci, converted, findings,
                List.copyOf(sequences.values()), views, renames);
    }

    /** The target names of the source's views and of the sequences: relations an index name must not take. */
    private List<TableRef> otherRelations(DatabaseSchema source, java.util.Collection<TargetSequence> sequences) {
        List<TableRef> out = new ArrayList<>();
        sequences.forEach(q -> out.add(q.ref()));
        source.views().forEach(v -> out.add(new TableRef(targetSchema(v.ref().schema()), names.map(v.ref().name()))));
        return out;
    }

    /** A table the source reader marked as not convertible (an ERROR finding) stops the plan if it takes part. */
    private static void refuseUnconvertedTables(DatabaseSchema source, List<Table> tables) {
        Set<String> included = new java.util.HashSet<>();
        tables.forEach(t -> included.add(t.ref().toString()));
        List<String> refused = source.findings().stream().filter(f -> f.severity() == Severity.ERROR && included.contains(f.object()))
                .map(f -> "table '" + f.object() + "': " + f.message()).toList();
        if (!refused.isEmpty()) {
            throw new FerryException(ErrorCode.UNSUPPORTED_FEATURE, "Unable to convert " + String.join("; ", refused));
        }
    }

    private String targetSchema(String sourceSchema) {
        String mapped = config.schemas().get(sourceSchema);
        if (mapped != null) {
            return mapped;
        }
        return sourceSchema.equalsIgnoreCase(dialect.defaultSchema()) ? "public" : names.map(sourceSchema);
    }

    /** The conversion of one table, with the table's own name scopes. */
    private final class TableConversion {
        private final Table table;
        private final TableRef target;
        private final Map<TableRef, TableRef> targetRefs;
        private final NameRegistry registry;
        private final ColumnConverter columns;
        private final ExpressionConverter expressions;
        private final List<Finding> findings;
        private final Map<String, String> columnNames = new LinkedHashMap<>();
        private final java.util.Set<String> characterColumns = new java.util.HashSet<>();
        private final java.util.Set<String> numericColumns = new java.util.HashSet<>();
        private ColumnTypes columnTypes = ColumnTypes.NONE;
        private final String relations;
        private final String constraints;
        private final IndexNames indexNames;
        private final List<NameChange> renames;

        TableConversion(Table table, Map<TableRef, TableRef> targetRefs, NameRegistry registry, ColumnConverter columns,
                        ExpressionConverter expressions, List<Finding> findings, IndexNames indexNames, List<NameChange> renames) {
            this.indexNames = indexNames;
            this.renames = renames;
            this.table = table;
            this.target = targetRefs.get(table.ref());
            this.targetRefs = targetRefs;
            this.registry = registry;
            this.columns = columns;
            this.expressions = expressions;
            this.findings = findings;
            this.relations = "relations of schema " + target.schema();
            this.constraints = "constraints of " + target;
        }

        TargetTable convert() {
            for (Column c : table.columns()) {
                MappedType mapped = dialect.typeMapper().map(c.type());
                if (mapped != null && mapped.character()) {
                    characterColumns.add(c.name());
                } else if (mapped != null && mapped.numeric()) {
                    numericColumns.add(c.name());
                }
                String name = names.map(c.name());
                registry.claim("columns of " + target, name, "column " + table.ref() + "." + c.name());
                columnNames.put(c.name(), name);
            }
            columnTypes = new ColumnTypes(characterColumns, numericColumns);
            List<TargetColumn> cols = new ArrayList<>();
            List<TargetCheck> checks = new ArrayList<>();
            for (Column c : table.columns()) {
                ColumnConverter.Result r = columns.convert(table.ref(), c, columnNames.get(c.name()), columnNames, columnTypes);
                cols.add(r.column());
                if (r.check() != null) {
                    checks.add(new TargetCheck(constraintName(target.name() + "_" + r.column().name() + "_check",
                            "type check of " + table.ref() + "." + c.name()), r.check(), null));
                }
            }
            TargetKey pk = table.primaryKey() == null ? null : key(table.primaryKey(), "primary key");
            if (pk == null) {
                List<String> key = table.copyKey();
                findings.add(new Finding(Severity.WARNING, Category.KEY, table.ref().toString(), key.isEmpty()
                        ? "table has no primary key and no unique NOT NULL key: it is copied as one chunk and compared "
                        + "as a multiset of rows"
                        : "table has no primary key: chunks and comparisons use the unique NOT NULL key " + key));
            }
            List<TargetKey> uniques = table.uniqueConstraints().stream().map(u -> key(u, "unique constraint")).toList();
            List<TargetIndex> indexes = new ArrayList<>();
            table.indexes().forEach(i -> index(i, indexes));
            List<TargetForeignKey> fks = new ArrayList<>();
            table.foreignKeys().forEach(fk -> foreignKey(fk, fks));
            table.checks().forEach(ck -> check(ck, checks));
            return new TargetTable(table.ref(), target.schema(), target.name(), cols, pk, uniques, indexes, fks, checks,
                    table.comment());
        }

        private TargetKey key(KeyConstraint k, String kind) {
            String name = names.map(k.name());
            registry.claim(relations, name, kind + " " + table.ref() + "." + k.name());
            registry.claim(constraints, name, kind + " " + table.ref() + "." + k.name());
            return new TargetKey(name, mapColumns(k.columns()), distinctNulls(k.nullsDistinct(), k.columns()));
        }

        private void index(Index i, List<TargetIndex> out) {
            String key = table.ref() + "." + i.name();
            String where = null;
            if (i.filter() != null) {
                where = expressions.convert(key, Expressions.stripOuterParentheses(i.filter()), columnNames, columnTypes, Category.INDEX, "the index is not created");
                if (where == null) {
                    return;
                }
            }
            String name = indexNames.name(target, i);
            if (!name.equals(names.map(i.name()))) {
                renames.add(new NameChange("index " + key, i.name(), name));
                findings.add(new Finding(Severity.INFO, Category.NAME, key, "index renamed to " + name + ": another table of "
                        + "schema " + target.schema() + " has an index or relation named " + names.map(i.name())
                        + " (SQL Server scopes index names to their table, PostgreSQL to the schema)"));
            }
            registry.claim(relations, name, "index " + key);
            List<IndexColumn> cols = i.columns().stream()
                    .map(c -> new IndexColumn(columnNames.get(c.name()), c.descending(), c.nullsFirst())).toList();
            List<String> keyNames = i.columns().stream().map(IndexColumn::name).toList();
            out.add(new TargetIndex(name, i.unique(), cols, mapColumns(i.include()), where,
                    distinctNulls(i.nullsDistinct(), keyNames)));
        }

        private void foreignKey(ForeignKey fk, List<TargetForeignKey> out) {
            String key = table.ref() + "." + fk.name();
            TableRef referenced = targetRefs.get(fk.referenced());
            if (referenced == null) {
                findings.add(new Finding(Severity.WARNING, Category.NOT_CONVERTED, key,
                        "foreign key references " + fk.referenced() + ", which is not migrated: it is not created"));
                return;
            }
            out.add(new TargetForeignKey(constraintName(fk.name(), "foreign key " + key), mapColumns(fk.columns()),
                    referenced.schema(), referenced.name(), fk.referencedColumns().stream().map(names::map).toList(),
                    fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred(), !fk.trusted()));
        }

        private void check(CheckConstraint ck, List<TargetCheck> out) {
            String key = table.ref() + "." + ck.name();
            String sql = expressions.convert(key, Expressions.stripOuterParentheses(ck.expression()), columnNames, columnTypes, Category.CHECK,
                    "the CHECK constraint is not created");
            if (sql != null) {
                out.add(new TargetCheck(constraintName(ck.name(), "check " + key), sql, ck.name(), !ck.trusted()));
            }
        }

        private String constraintName(String sourceName, String what) {
            String name = names.map(sourceName);
            registry.claim(constraints, name, what);
            return name;
        }

        private List<String> mapColumns(List<String> source) {
            return source.stream().map(columnNames::get).toList();
        }

        /** NULLS NOT DISTINCT only matters, and is only written, where a key column can be NULL. */
        private boolean distinctNulls(boolean sourceDistinct, List<String> keyColumns) {
            boolean anyNullable = keyColumns.stream()
                    .anyMatch(c -> table.column(c).map(Column::nullable).orElse(true));
            return sourceDistinct || !anyNullable;
        }
    }
}
