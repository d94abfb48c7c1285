package dev.ferry.engine.source.sqlserver;

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
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ColumnRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ForeignKeyRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.IndexColumnRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.IndexRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.TableRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the schema model from SQL Server catalog rows. */
final class SqlServerSchemaBuilder {
    private static final Set<String> BTREE_INDEXES = Set.of("CLUSTERED", "NONCLUSTERED");
    private static final Map<String, SourceObject.Kind> OBJECT_KINDS = Map.of(
            "V", SourceObject.Kind.VIEW, "P", SourceObject.Kind.PROCEDURE, "FN", SourceObject.Kind.FUNCTION,
            "IF", SourceObject.Kind.FUNCTION, "TF", SourceObject.Kind.FUNCTION, "TR", SourceObject.Kind.TRIGGER,
            "SO", SourceObject.Kind.SEQUENCE, "SN", SourceObject.Kind.SYNONYM);

    private final SqlServerCatalog catalog;
    private final List<Finding> findings = new ArrayList<>();

    SqlServerSchemaBuilder(SqlServerCatalog catalog) {
        this.catalog = catalog;
    }

    DatabaseSchema build() {
        List<Table> tables = catalog.tables().stream().map(this::table).toList();
        List<SourceObject> others = catalog.objects().stream()
                .map(o -> new SourceObject(OBJECT_KINDS.getOrDefault(o.type(), SourceObject.Kind.FUNCTION), o.schemaName(), o.name()))
                .toList();
        return new DatabaseSchema(SqlServerDialect.PRODUCT, SqlServerDialect.DEFAULT_SCHEMA, tables, others, findings);
    }

    private Table table(TableRow t) {
        TableRef ref = new TableRef(t.schemaName(), t.tableName());
        List<Column> columns = catalog.columns().stream().filter(c -> c.objectId() == t.objectId()).map(SqlServerSchemaBuilder::column).toList();
        KeyConstraint pk = null;
        List<KeyConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (IndexRow i : catalog.indexes()) {
            if (i.objectId() != t.objectId()) {
                continue;
            }
            String where = ref + "." + i.name();
            List<IndexColumnRow> cols = catalog.indexColumns().stream()
                    .filter(c -> c.objectId() == i.objectId() && c.indexId() == i.indexId()).toList();
            List<IndexColumnRow> keyCols = keyColumns(cols);
            List<String> keyNames = keyCols.stream().map(IndexColumnRow::columnName).toList();
            if (i.isPrimaryKey()) {
                pk = new KeyConstraint(i.name(), keyNames, false);
            } else if (i.isUniqueConstraint()) {
                uniques.add(new KeyConstraint(i.name(), keyNames, false));
            } else if (i.isDisabled()) {
                findings.add(new Finding(Severity.WARNING, Category.INDEX, where, "index is disabled on the source: not created"));
            } else if (!BTREE_INDEXES.contains(i.typeDesc())) {
                findings.add(new Finding(Severity.WARNING, Category.INDEX, where, i.typeDesc().toLowerCase(Locale.ROOT)
                        + " index has no PostgreSQL counterpart: not created"));
            } else {
                List<IndexColumn> key = keyCols.stream().map(c -> new IndexColumn(c.columnName(), c.isDescendingKey())).toList();
                List<String> include = cols.stream().filter(IndexColumnRow::isIncludedColumn).map(IndexColumnRow::columnName).toList();
                indexes.add(new Index(i.name(), i.isUnique(), key, include, i.hasFilter() ? i.filterDefinition() : null, false));
            }
        }
        List<ForeignKey> fks = catalog.foreignKeys().stream().filter(f -> f.parentObjectId() == t.objectId())
                .map(f -> foreignKey(ref, f)).filter(java.util.Objects::nonNull).toList();
        List<CheckConstraint> checks = new ArrayList<>();
        catalog.checks().stream().filter(c -> c.parentObjectId() == t.objectId()).forEach(c -> {
            if (c.isDisabled()) {
                findings.add(new Finding(Severity.WARNING, Category.CHECK, ref + "." + c.name(),
                        "CHECK is disabled on the source: not created"));
            } else {
                untrusted(ref + "." + c.name(), c.isNotTrusted());
                checks.add(new CheckConstraint(c.name(), c.definition(), !c.isNotTrusted()));
            }
        });
        return new Table(ref, columns, pk, uniques, indexes, fks, checks);
    }

    private ForeignKey foreignKey(TableRef table, ForeignKeyRow f) {
        if (f.isDisabled()) {
            findings.add(new Finding(Severity.WARNING, Category.NOT_CONVERTED, table + "." + f.name(),
                    "foreign key is disabled on the source: not created"));
            return null;
        }
        untrusted(table + "." + f.name(), f.isNotTrusted());
        var cols = catalog.foreignKeyColumns().stream().filter(c -> c.constraintObjectId() == f.objectId()).toList();
        return new ForeignKey(f.name(), cols.stream().map(c -> c.columnName()).collect(Collectors.toList()),
                new TableRef(f.referencedSchema(), f.referencedTable()),
                cols.stream().map(c -> c.referencedColumnName()).collect(Collectors.toList()),
                ReferentialAction.parse(f.deleteAction()), ReferentialAction.parse(f.updateAction()), false, false,
                !f.isNotTrusted());
    }

    /** An enabled constraint SQL Server does not trust (WITH NOCHECK) may have violating rows: created NOT VALID. */
    private void untrusted(String object, boolean notTrusted) {
        if (notTrusted) {
            findings.add(new Finding(Severity.WARNING, Category.CHECK, object, "constraint is not trusted on the source "
                    + "(created or re-enabled WITH NOCHECK, so rows may violate it): created NOT VALID on the target, checked "
                    + "for new rows only; run ALTER TABLE … VALIDATE CONSTRAINT once the rows are clean"));
        }
    }

    /**
     * An index's key columns in key order: sys.index_columns also lists INCLUDE and columnstore columns
     * ({@code is_included_column} 1) and the partitioning column SQL Server adds to a partition-aligned
     * index, which are not key columns; all three have {@code key_ordinal} 0.
     */
    private static List<IndexColumnRow> keyColumns(List<IndexColumnRow> cols) {
        return cols.stream().filter(c -> !c.isIncludedColumn() && c.keyOrdinal() > 0)
                .sorted(java.util.Comparator.comparingInt(IndexColumnRow::keyOrdinal)).toList();
    }

    static Column column(ColumnRow r) {
        Identity identity = r.isIdentity()
                ? new Identity(longOf(r.seedValue(), 1), longOf(r.incrementValue(), 1), r.lastValue() == null ? null : r.lastValue().longValueExact())
                : null;
        return new Column(r.name(), dataType(r), r.isNullable(), r.defaultDefinition(), identity,
                r.computedDefinition(), Boolean.TRUE.equals(r.isPersisted()), r.collationName());
    }

    static DataType dataType(ColumnRow r) {
        String type = r.typeName().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "nchar", "nvarchar" -> DataType.sized(type, r.maxLength() == -1 ? DataType.MAX : r.maxLength() / 2);
            case "char", "varchar", "binary", "varbinary" -> DataType.sized(type, r.maxLength() == -1 ? DataType.MAX : r.maxLength());
            case "decimal", "numeric" -> DataType.numeric(type, r.precision(), r.scale());
            case "time", "datetime2", "datetimeoffset" -> DataType.temporal(type, r.scale());
            case "float" -> new DataType(type, null, r.precision(), null);
            default -> DataType.of(type);
        };
    }

    private static long longOf(BigDecimal value, long fallback) {
        return value == null ? fallback : value.longValueExact();
    }
}
