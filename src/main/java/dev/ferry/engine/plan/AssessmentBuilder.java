package dev.ferry.engine.plan;

import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.plan.Assessment.ColumnEntry;
import dev.ferry.engine.plan.Assessment.Count;
import dev.ferry.engine.plan.Assessment.Summary;
import dev.ferry.engine.plan.Assessment.TableEntry;
import dev.ferry.engine.convert.TargetCheck;
import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetKey;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import java.util.List;
import java.util.function.ToIntFunction;

/** Builds the {@link Assessment} of a converted schema. */
final class AssessmentBuilder {
    private AssessmentBuilder() {
    }

    static Assessment build(TargetSchema schema, String redactedSourceUrl) {
        List<Table> sources = schema.tables().stream()
                .map(t -> schema.source().table(t.source()).orElseThrow()).toList();
        List<TargetTable> targets = schema.tables();
        Summary summary = new Summary(targets.size(),
                targets.stream().mapToInt(t -> t.columns().size()).sum(),
                new Count(count(sources, t -> t.primaryKey() == null ? 0 : 1), countT(targets, t -> t.primaryKey() == null ? 0 : 1)),
                new Count(count(sources, t -> t.uniqueConstraints().size()), countT(targets, t -> t.uniqueConstraints().size())),
                new Count(count(sources, t -> t.indexes().size()), countT(targets, t -> t.indexes().size())),
                new Count(count(sources, t -> t.foreignKeys().size()), countT(targets, t -> t.foreignKeys().size())),
                new Count(count(sources, t -> t.checks().size()),
                        countT(targets, t -> (int) t.checks().stream().filter(TargetCheck::fromSource).count())),
                (int) schema.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count(),
                (int) schema.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count(),
                new Count(schema.source().views().size(), schema.views().size()),
                new Count(schema.source().sequences().size(), schema.sequences().size()));
        List<TableEntry> tables = targets.stream().map(AssessmentBuilder::table).toList();
        List<String> others = schema.source().otherObjects().stream().map(Object::toString).toList();
        return new Assessment(schema.source().product(), redactedSourceUrl, summary, tables, others, schema.findings(),
                schema.renames().stream().map(Object::toString).toList(), AssessmentObjects.views(schema),
                AssessmentObjects.sequences(schema));
    }

    private static TableEntry table(TargetTable t) {
        List<ColumnEntry> columns = t.columns().stream().map(AssessmentBuilder::column).toList();
        return new TableEntry(t.source().toString(), t.ref().toString(),
                t.primaryKey() == null ? null : keyText(t.primaryKey()), columns,
                t.uniqueConstraints().stream().map(AssessmentBuilder::keyText).toList(),
                t.indexes().stream().map(i -> i.name() + (i.unique() ? " (unique)" : "") + nullsOrder(i)
                        + (i.where() != null ? " WHERE " + i.where() : "")).toList(),
                t.foreignKeys().stream().map(f -> f.name() + " -> " + f.referencedSchema() + "." + f.referencedTable()
                        + " ON DELETE " + f.onDelete().sql() + " ON UPDATE " + f.onUpdate().sql()
                        + (f.deferrable() ? f.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE" : "")).toList(),
                t.checks().stream().map(c -> c.name() + ": " + c.expression()).toList());
    }

    /** The index columns whose NULLs do not sort where PostgreSQL puts them by default, e.g. " (n DESC NULLS LAST)". */
    private static String nullsOrder(dev.ferry.engine.convert.TargetIndex i) {
        List<String> cols = i.columns().stream().filter(c -> !c.defaultNulls())
                .map(c -> c.name() + (c.descending() ? " DESC" : " ASC") + (c.nullsFirst() ? " NULLS FIRST" : " NULLS LAST")).toList();
        return cols.isEmpty() ? "" : " (" + String.join(", ", cols) + ")";
    }

    private static ColumnEntry column(TargetColumn c) {
        String identity = c.identity() == null ? null : (c.identity().always() ? "always, " : "")
                + "start " + c.identity().seed() + " increment " + c.identity().increment();
        String type = c.collation() == null ? c.type() : c.type() + " COLLATE " + c.collation();
        return new ColumnEntry(c.sourceName(), c.sourceType().display(), c.name(), type, c.nullable(),
                c.defaultSql(), identity, c.generated());
    }

    private static String keyText(TargetKey k) {
        return k.name() + " (" + String.join(", ", k.columns()) + ")";
    }

    private static int count(List<Table> tables, ToIntFunction<Table> f) {
        return tables.stream().mapToInt(f).sum();
    }

    private static int countT(List<TargetTable> tables, ToIntFunction<TargetTable> f) {
        return tables.stream().mapToInt(f).sum();
    }
}
