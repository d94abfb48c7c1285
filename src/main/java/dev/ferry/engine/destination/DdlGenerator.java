package dev.ferry.engine.destination;

import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.convert.TargetKey;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetIndex;
import dev.ferry.engine.convert.TargetForeignKey;
import dev.ferry.engine.convert.TargetCheck;
import dev.ferry.engine.convert.TargetSequence;
import dev.ferry.engine.model.Identity;
import dev.ferry.engine.model.IndexColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the converted schema as PostgreSQL DDL in two phases, as pg_dump does: pre-data
 * (schemas, extensions, sequences, tables without their primary keys, defaults and identity, comments) before
 * the copy, and post-data (primary keys, unique constraints, indexes, foreign keys, CHECKs, identity and sequence
 * restarts, views) after it.
 */
public final class DdlGenerator {
    /** Whether the table (its quoted, qualified name bound) has a primary key. */
    static final String HAS_PRIMARY_KEY = "SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'p'";


    public List<DdlStatement> preData(TargetSchema schema) {
        List<DdlStatement> out = new ArrayList<>();
        for (String s : schema.schemas()) {
            if (!s.equals("public")) {
                out.add(new DdlStatement("schema " + s, "CREATE SCHEMA IF NOT EXISTS " + q(s)));
            }
        }
        for (String e : schema.extensions()) {
            out.add(new DdlStatement("extension " + e, "CREATE EXTENSION IF NOT EXISTS " + e));
        }
        if (schema.needsCiCollation()) {
            out.add(new DdlStatement("collation " + TargetSchema.CI_COLLATION, "CREATE COLLATION IF NOT EXISTS "
                    + q(TargetSchema.CI_COLLATION) + " (provider = icu, locale = 'und-u-ks-level2', deterministic = false)"));
        }
        out.addAll(ObjectDdl.sequences(schema));
        for (TargetTable t : schema.tables()) {
            out.add(new DdlStatement("table " + t.ref(), createTable(t)));
        }
        out.addAll(ObjectDdl.comments(schema));
        return out;
    }

    public List<DdlStatement> postData(TargetSchema schema) {
        return postDataPhases(schema).stream().flatMap(List::stream).toList();
    }

    /**
     * Post-data in the order it must run: primary keys, unique constraints, indexes and CHECKs (independent of
     * each other, so they may run in parallel); then foreign keys (they need the referenced keys);
     * then identity and sequence restarts; then the views, one after another in dependency order.
     */
    public List<List<DdlStatement>> postDataPhases(TargetSchema schema) {
        List<DdlStatement> keys = new ArrayList<>();
        List<DdlStatement> fks = new ArrayList<>();
        for (TargetTable t : schema.tables()) {
            keys.addAll(keysAndIndexes(t));
        }
        for (TargetTable t : schema.tables()) {
            keys.addAll(checks(t));
        }
        for (TargetTable t : schema.tables()) {
            for (TargetForeignKey f : t.foreignKeys()) {
                fks.add(new DdlStatement("foreign key " + t.ref() + "." + f.name(), "ALTER TABLE " + table(t)
                        + " ADD CONSTRAINT " + q(f.name()) + " FOREIGN KEY (" + list(f.columns()) + ") REFERENCES "
                        + q(f.referencedSchema()) + "." + q(f.referencedTable()) + " (" + list(f.referencedColumns())
                        + ") ON DELETE " + f.onDelete().sql() + " ON UPDATE " + f.onUpdate().sql() + deferral(f) + notValid(f.notValid())));
            }
        }
        List<DdlStatement> restarts = new ArrayList<>(identityRestarts(schema));
        restarts.addAll(sequenceRestarts(schema, schema.sequences().stream().filter(s -> s.lastValue() != null)
                .collect(Collectors.toMap(TargetSequence::source, TargetSequence::lastValue))));
        List<List<DdlStatement>> phases = new ArrayList<>(List.of(keys, fks, restarts));
        phases.addAll(ObjectDdl.views(schema));
        return phases;
    }

    /**
     * Makes each sequence hand out next what the source would hand out next, from the source's last
     * values by source sequence name (a cutover reads them again while writes are frozen).
     */
    public List<DdlStatement> sequenceRestarts(TargetSchema schema, java.util.Map<dev.ferry.engine.model.TableRef, Long> lastValues) {
        return ObjectDdl.sequenceRestarts(schema, lastValues);
    }

    /** A constraint the source did not guarantee is not checked against the rows copied (PostgreSQL checks new rows only). */
    private static String notValid(boolean notValid) {
        return notValid ? " NOT VALID" : "";
    }

    /**
     * The post-data of one table that needs no other table: its unique constraints, indexes and
     * CHECKs — the same statements (and journal steps) as in {@link #postDataPhases}'s first phase,
     * so they can run as soon as the table is copied while other tables still are.
     */
    public List<DdlStatement> tablePostData(TargetTable t) {
        List<DdlStatement> out = new ArrayList<>(keysAndIndexes(t));
        out.addAll(checks(t));
        return out;
    }

    /**
     * The primary key is built after the load, like every other index (as pg_dump orders it): rows
     * COPY into a bare heap, and the key's btree is built once, sorted, instead of taking every
     * row in key order one by one (issue 13). The journal, not the key, makes each chunk land once.
     */
    private List<DdlStatement> keysAndIndexes(TargetTable t) {
        List<DdlStatement> out = new ArrayList<>();
        if (t.primaryKey() != null) {
            // a run begun before keys were built after the load created its keys in pre-data: resumed, it finds them
            out.add(new DdlStatement("primary key " + t.ref() + "." + t.primaryKey().name(), "ALTER TABLE " + table(t)
                    + " ADD CONSTRAINT " + q(t.primaryKey().name()) + " PRIMARY KEY (" + list(t.primaryKey().columns()) + ")",
                    new DdlStatement.Presence(HAS_PRIMARY_KEY, table(t))));
        }
        for (TargetKey u : t.uniqueConstraints()) {
            out.add(new DdlStatement("unique constraint " + t.ref() + "." + u.name(), "ALTER TABLE " + table(t)
                    + " ADD CONSTRAINT " + q(u.name()) + " UNIQUE" + nulls(u.nullsDistinct()) + " (" + list(u.columns()) + ")"));
        }
        for (TargetIndex i : t.indexes()) {
            out.add(new DdlStatement("index " + t.schema() + "." + i.name(), createIndex(t, i)));
        }
        return out;
    }

    private List<DdlStatement> checks(TargetTable t) {
        List<DdlStatement> out = new ArrayList<>();
        for (TargetCheck c : t.checks()) {
            out.add(new DdlStatement("check " + t.ref() + "." + c.name(), "ALTER TABLE " + table(t)
                    + " ADD CONSTRAINT " + q(c.name()) + " CHECK (" + c.expression() + ")" + notValid(c.notValid())));
        }
        return out;
    }

    /**
     * Sets each identity's next value above both the largest copied key and the last value the
     * source handed out, so no key is ever reused (and an empty table starts at the seed).
     */
    public List<DdlStatement> identityRestarts(TargetSchema schema) {
        List<DdlStatement> out = new ArrayList<>();
        for (TargetTable t : schema.tables()) {
            for (TargetColumn c : t.columns()) {
                Identity id = c.identity();
                if (id == null) {
                    continue;
                }
                boolean up = id.increment() > 0;
                String edge = (up ? "max(" : "min(") + q(c.name()) + ") + " + id.increment();
                String last = id.lastValue() == null ? "" : ", " + (id.lastValue() + id.increment());
                String next = (up ? "GREATEST(" : "LEAST(") + "coalesce(" + edge + ", " + id.seed() + "), " + id.seed() + last + ")";
                out.add(new DdlStatement("identity " + t.ref() + "." + c.name(), "SELECT setval(pg_get_serial_sequence("
                        + literal(table(t)) + ", " + literal(c.name()) + "), " + next + ", false) FROM " + table(t)));
            }
        }
        return out;
    }

    /** Statements as a script, each preceded by a comment naming its object. */
    public static String script(String title, List<DdlStatement> statements) {
        StringBuilder out = new StringBuilder("-- ").append(title).append("\n-- Generated by Ferry.\n");
        for (DdlStatement s : statements) {
            out.append("\n-- ").append(s.object()).append('\n').append(s.sql()).append(";\n");
        }
        return out.toString();
    }

    private String createTable(TargetTable t) {
        List<String> lines = new ArrayList<>();
        for (TargetColumn c : t.columns()) {
            lines.add(column(c));
        }
        return "CREATE TABLE " + table(t) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    private String column(TargetColumn c) {
        StringBuilder s = new StringBuilder(q(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            s.append(" COLLATE ").append(q(c.collation()));
        }
        if (c.isGenerated()) {
            s.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        }
        if (!c.nullable()) {
            s.append(" NOT NULL");
        }
        if (c.defaultSql() != null && !c.isGenerated()) {
            s.append(" DEFAULT ").append(c.defaultSql());
        }
        if (c.identity() != null) {
            s.append(identity(c.identity()));
        }
        return s.toString();
    }

    private static String identity(Identity id) {
        StringBuilder s = new StringBuilder(id.always() ? " GENERATED ALWAYS" : " GENERATED BY DEFAULT")
                .append(" AS IDENTITY (START WITH ").append(id.seed())
                .append(" INCREMENT BY ").append(id.increment());
        if (id.increment() > 0 && id.seed() < 1) {
            s.append(" MINVALUE ").append(id.seed());
        } else if (id.increment() < 0 && id.seed() > -1) {
            s.append(" MAXVALUE ").append(id.seed());
        }
        return s.append(')').toString();
    }

    private String createIndex(TargetTable t, TargetIndex i) {
        StringBuilder s = new StringBuilder("CREATE ").append(i.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(q(i.name())).append(" ON ").append(table(t)).append(" (")
                .append(i.columns().stream().map(DdlGenerator::indexColumn).collect(Collectors.joining(", "))).append(')');
        if (!i.include().isEmpty()) {
            s.append(" INCLUDE (").append(list(i.include())).append(')');
        }
        if (i.unique()) {
            s.append(nulls(i.nullsDistinct()));
        }
        if (i.where() != null) {
            s.append(" WHERE (").append(i.where()).append(')');
        }
        return s.toString();
    }

    private static String indexColumn(IndexColumn c) {
        return q(c.name()) + (c.descending() ? " DESC" : "") + (c.defaultNulls() ? "" : c.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }

    private static String deferral(TargetForeignKey f) {
        return !f.deferrable() ? "" : f.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    private static String nulls(boolean distinct) {
        return distinct ? "" : " NULLS NOT DISTINCT";
    }

    static String table(TargetTable t) {
        return q(t.schema()) + "." + q(t.name());
    }

    private static String list(List<String> names) {
        return names.stream().map(DdlGenerator::q).collect(Collectors.joining(", "));
    }

    /** Quotes a PostgreSQL identifier. */
    public static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
