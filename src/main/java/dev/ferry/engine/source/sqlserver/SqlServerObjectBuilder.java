package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import dev.ferry.engine.model.Sequence;
import dev.ferry.engine.model.SourceObject;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.model.View;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.ColumnRow;
import dev.ferry.engine.source.sqlserver.SqlServerCatalog.TableRow;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.DescriptionRow;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.SequenceRow;
import dev.ferry.engine.source.sqlserver.SqlServerObjectCatalog.ViewRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Adds views, sequences and MS_Description comments to the schema {@link SqlServerSchemaBuilder} built. */
final class SqlServerObjectBuilder {
    private static final Set<SourceObject.Kind> READ_HERE = Set.of(SourceObject.Kind.VIEW, SourceObject.Kind.SEQUENCE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final SqlServerCatalog catalog;
    private final SqlServerObjectCatalog objects;
    private final Map<String, String> descriptions = new HashMap<>();

    SqlServerObjectBuilder(SqlServerCatalog catalog, SqlServerObjectCatalog objects) {
        this.catalog = catalog;
        this.objects = objects;
        for (DescriptionRow d : objects.descriptions()) {
            descriptions.put(d.majorId() + "/" + d.minorId(), d.value());
        }
    }

    DatabaseSchema apply(DatabaseSchema base) {
        List<Finding> findings = new ArrayList<>(base.findings());
        List<Table> tables = base.tables().stream().map(this::described).toList();
        List<View> views = objects.views().stream().map(this::view).toList();
        List<Sequence> sequences = objects.sequences().stream().map(s -> sequence(s, findings)).toList();
        List<SourceObject> others = base.otherObjects().stream().filter(o -> !READ_HERE.contains(o.kind())).toList();
        return new DatabaseSchema(base.product(), base.defaultSchema(), tables, others, findings, views, sequences);
    }

    private Table described(Table t) {
        TableRow row = catalog.tables().stream().filter(r -> new TableRef(r.schemaName(), r.tableName()).equals(t.ref()))
                .findFirst().orElseThrow();
        List<Column> columns = t.columns().stream().map(c -> c.withComment(columnDescription(row.objectId(), c.name()))).toList();
        return new Table(t.ref(), columns, t.primaryKey(), t.uniqueConstraints(), t.indexes(), t.foreignKeys(), t.checks(),
                descriptions.get(row.objectId() + "/0"));
    }

    private String columnDescription(int objectId, String column) {
        return catalog.columns().stream().filter(c -> c.objectId() == objectId && c.name().equals(column))
                .map(ColumnRow::columnId).findFirst().map(id -> descriptions.get(objectId + "/" + id)).orElse(null);
    }

    private View view(ViewRow v) {
        List<TableRef> reads = objects.viewDependencies().stream().filter(d -> d.viewObjectId() == v.objectId())
                .map(d -> new TableRef(d.referencedSchema(), d.referencedName())).toList();
        return new View(new TableRef(v.schemaName(), v.viewName()), v.definition(), reads, descriptions.get(v.objectId() + "/0"));
    }

    /** A sys.sequences row; a decimal sequence's bounds beyond bigint's are narrowed to bigint's, with a warning. */
    static Sequence sequence(SequenceRow s, List<Finding> findings) {
        TableRef ref = new TableRef(s.schemaName(), s.name());
        BigDecimal min = s.minimumValue();
        BigDecimal max = s.maximumValue();
        if (min != null && min.compareTo(LONG_MIN) < 0 || max != null && max.compareTo(LONG_MAX) > 0) {
            findings.add(new Finding(Severity.WARNING, Category.TYPE, ref.toString(), "sequence of type " + s.typeName()
                    + " ranges beyond bigint (" + min + " to " + max + "): its range on PostgreSQL is bigint's"));
        }
        Long cache = !s.isCached() ? Long.valueOf(1) : s.cacheSize() == null ? null : Long.valueOf(s.cacheSize());
        return new Sequence(ref, s.typeName(), s.startValue().longValueExact(), s.increment().longValueExact(),
                min == null ? null : min.max(LONG_MIN).longValueExact(), max == null ? null : max.min(LONG_MAX).longValueExact(),
                s.isCycling(), cache,
                s.lastUsedValue() == null ? null : s.lastUsedValue().longValueExact());
    }
}
