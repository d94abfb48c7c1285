package dev.ferry.engine.verify;

import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.ForeignKey;
import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.KeyConstraint;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.destination.PostgresTypeNames;
import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetForeignKey;
import dev.ferry.engine.convert.TargetIndex;
import dev.ferry.engine.convert.TargetKey;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the schema Ferry meant to create with the schema a PostgreSQL catalog actually holds,
 * object by object: tables, column types, nullability, defaults, identity, primary keys, unique
 * constraints, indexes, foreign keys with their actions, CHECKs, and ({@link ObjectParity}) views,
 * sequences and comments. Each difference names the
 * object. Expressions are compared after removing casts, parentheses, quoting and spacing, since
 * PostgreSQL rewrites them when it stores them.
 */
public final class SchemaParity {
    private SchemaParity() {
    }

    public static List<String> differences(TargetSchema expected, DatabaseSchema actual) {
        List<String> out = new ArrayList<>();
        for (TargetTable t : expected.tables()) {
            Optional<Table> found = actual.table(t.ref());
            if (found.isEmpty()) {
                out.add("table " + t.ref() + " is missing");
                continue;
            }
            compareTable(t, found.get(), out);
        }
        ObjectParity.compare(expected, actual, out);
        return out;
    }

    private static void compareTable(TargetTable t, Table a, List<String> out) {
        String where = t.ref().toString();
        for (TargetColumn c : t.columns()) {
            Optional<Column> ac = a.column(c.name());
            if (ac.isEmpty()) {
                out.add("column " + where + "." + c.name() + " is missing");
                continue;
            }
            compareColumn(where + "." + c.name(), c, ac.get(), out);
        }
        if (a.columns().size() != t.columns().size()) {
            out.add("table " + where + " has " + a.columns().size() + " columns, expected " + t.columns().size());
        }
        compareKey(where, "primary key", t.primaryKey(), a.primaryKey(), out);
        for (TargetKey u : t.uniqueConstraints()) {
            compareKey(where, "unique constraint", u, a.uniqueConstraints().stream()
                    .filter(k -> k.name().equals(u.name())).findFirst().orElse(null), out);
        }
        for (TargetIndex i : t.indexes()) {
            compareIndex(where, i, a.indexes().stream().filter(x -> x.name().equals(i.name())).findFirst(), out);
        }
        for (TargetForeignKey f : t.foreignKeys()) {
            compareForeignKey(where, f, a.foreignKeys().stream().filter(x -> x.name().equals(f.name())).findFirst(), out);
        }
        t.checks().forEach(c -> {
            if (a.checks().stream().noneMatch(x -> x.name().equals(c.name()))) {
                out.add("CHECK " + where + "." + c.name() + " is missing");
            }
        });
    }

    private static void compareColumn(String where, TargetColumn c, Column a, List<String> out) {
        if (!PostgresTypeNames.canonical(c.type()).equals(PostgresTypeNames.canonical(a.type().name()))) {
            out.add("column " + where + " is " + a.type().name() + ", expected " + c.type());
        }
        if (c.nullable() != a.nullable()) {
            out.add("column " + where + (a.nullable() ? " accepts NULL" : " is NOT NULL") + ", expected the opposite");
        }
        if (!Objects.equals(c.collation(), a.collation())) {
            out.add("column " + where + " has collation " + a.collation() + ", expected " + c.collation());
        }
        if ((c.identity() == null) != (a.identity() == null)) {
            out.add("column " + where + (c.identity() == null ? " is" : " is not") + " an identity column");
        } else if (c.identity() != null && c.identity().always() != a.identity().always()) {
            out.add("column " + where + " is GENERATED " + (a.identity().always() ? "ALWAYS" : "BY DEFAULT")
                    + " AS IDENTITY, expected " + (c.identity().always() ? "ALWAYS" : "BY DEFAULT"));
        }
        String expectedExpr = c.isGenerated() ? c.generated() : c.defaultSql();
        String actualExpr = c.isGenerated() ? a.computedExpression() : a.defaultExpression();
        if (!Objects.equals(normalize(expectedExpr), normalize(actualExpr))) {
            out.add("column " + where + (c.isGenerated() ? " generated as " : " defaults to ") + actualExpr
                    + ", expected " + expectedExpr);
        }
    }

    private static void compareKey(String where, String kind, TargetKey expected, KeyConstraint actual, List<String> out) {
        if (expected == null && actual == null) {
            return;
        }
        if (expected == null || actual == null) {
            out.add(kind + " on " + where + (actual == null ? " is missing: " + expected.name() : " is unexpected: " + actual.name()));
            return;
        }
        if (!expected.columns().equals(actual.columns()) || expected.nullsDistinct() != actual.nullsDistinct()) {
            out.add(kind + " " + where + "." + expected.name() + " is " + actual.columns() + (actual.nullsDistinct() ? "" : " NULLS NOT DISTINCT")
                    + ", expected " + expected.columns() + (expected.nullsDistinct() ? "" : " NULLS NOT DISTINCT"));
        }
    }

    private static void compareIndex(String where, TargetIndex i, Optional<Index> found, List<String> out) {
        String name = "index " + where + "." + i.name();
        if (found.isEmpty()) {
            out.add(name + " is missing");
            return;
        }
        Index a = found.get();
        if (i.unique() != a.unique() || !i.columns().equals(a.columns()) || !i.include().equals(a.include())
                || (i.unique() && i.nullsDistinct() != a.nullsDistinct())) {
            out.add(name + " differs: " + a + ", expected " + i);
        }
        if (!Objects.equals(normalize(i.where()), normalize(a.filter()))) {
            out.add(name + " has predicate " + a.filter() + ", expected " + i.where());
        }
    }

    private static void compareForeignKey(String where, TargetForeignKey f, Optional<ForeignKey> found, List<String> out) {
        String name = "foreign key " + where + "." + f.name();
        if (found.isEmpty()) {
            out.add(name + " is missing");
            return;
        }
        ForeignKey a = found.get();
        if (!f.columns().equals(a.columns()) || !f.referencedColumns().equals(a.referencedColumns())
                || !f.referencedSchema().equals(a.referenced().schema()) || !f.referencedTable().equals(a.referenced().name())) {
            out.add(name + " references " + a.referenced() + a.referencedColumns() + ", expected "
                    + f.referencedSchema() + "." + f.referencedTable() + f.referencedColumns());
        }
        if (f.deferrable() != a.deferrable() || f.initiallyDeferred() != a.initiallyDeferred()) {
            out.add(name + " is " + deferral(a.deferrable(), a.initiallyDeferred()) + ", expected "
                    + deferral(f.deferrable(), f.initiallyDeferred()));
        }
        if (f.onDelete() != a.onDelete() || f.onUpdate() != a.onUpdate()) {
            out.add(name + " is ON DELETE " + a.onDelete().sql() + " ON UPDATE " + a.onUpdate().sql() + ", expected ON DELETE "
                    + f.onDelete().sql() + " ON UPDATE " + f.onUpdate().sql());
        }
    }

    private static String deferral(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? "NOT DEFERRABLE" : initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
    }

    /** Removes casts, parentheses, quotes and spaces, and lower-cases, so stored and written forms compare. */
    static String normalize(String expression) {
        if (expression == null) {
            return null;
        }
        // nextval('"public"."seq"'::regclass) is stored without the schema that is on the search path
        return expression.replaceAll("::[a-z ]+(\\(\\d+(,\\d+)?\\))?", "")
                .replaceAll("[()\"\\s]", "").toLowerCase(Locale.ROOT).replace("nextval'public.", "nextval'");
    }
}
