package dev.ferry.engine.sync;

import dev.ferry.engine.source.Change;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.copy.ChunkCopier;
import dev.ferry.engine.copy.TableCopySpec;
import dev.ferry.engine.destination.ValueCounters;
import dev.ferry.engine.destination.TemporalRounding;
import dev.ferry.engine.destination.LongestValue;
import com.google.common.collect.Lists;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.KeyText;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.convert.TargetForeignKey;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies captured changes to the target, idempotently: for every changed key the row's current
 * state is read from the source, rows gone from the source are deleted by key, and rows still there
 * are staged with the copy's own binary COPY and upserted ({@code INSERT … ON CONFLICT (key) DO
 * UPDATE}), all in one target transaction together with the new sync position.
 */
public final class DeltaApplier {

    private final SourceDialect dialect;
    private final Map<TableRef, TableCopySpec> specs;
    private final List<TableRef> order;
    private final ValuePolicy policy;
    private final TargetSchema schema;

    public DeltaApplier(SourceDialect dialect, TargetSchema schema, ValuePolicy policy) {
        this.dialect = dialect;
        this.schema = schema;
        this.policy = policy;
        this.specs = new LinkedHashMap<>();
        for (TargetTable t : schema.tables()) {
            specs.put(t.source(), new TableCopySpec(dialect, schema.source().table(t.source()).orElseThrow(), t, false));
        }
        this.order = parentsFirst(schema);
    }

    /**
     * Refuses to sync into a target whose primary keys are not built yet (a migration that stopped
     * before post-data): the upserts meet rows by their key, and without it would fail, or worse.
     */
    public void requireKeys(Connection target) {
        try {
            List<TableRef> missing = dev.ferry.engine.destination.PostgresTarget.missingPrimaryKeys(target, schema);
            if (!missing.isEmpty()) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to sync into " + missing + ": the primary key of "
                        + (missing.size() == 1 ? "that table" : "those tables") + " is not on the target yet (keys are built "
                        + "after the copy); run ferry migrate to the end first");
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the target's primary keys", e);
        }
    }

    /**
     * Applies {@code changes} and records {@code position} for {@code syncId} in the same target
     * transaction. Grouped by table: the source's current rows of the changed keys are staged
     * (through the copy's own conversions), rows the stage lacks are deleted (children first) and
     * staged rows are upserted (parents first); keys are compared typed, on the target. When that
     * order breaks a constraint (a key moved to a row another row just left, a child re-pointed
     * before its old parent went), the batch is applied again change by change in the source's order.
     */
    public void apply(Connection source, Connection target, List<Change> changes, String syncId, long position) {
        GroupedChanges.Side<String> side = new GroupedChanges.Side<>() {
            @Override
            public String read(TableRef table, Set<List<String>> keys) throws SQLException {
                String stage = "ferry_stage_" + order.indexOf(table);
                stage(source, target, specs.get(table), keys, stage);
                return stage;
            }

            @Override
            public void deleteGone(TableRef table, Set<List<String>> keys, String stage) throws SQLException {
                DeltaApplier.deleteGone(target, specs.get(table), keys, stage);
            }

            @Override
            public void write(TableRef table, String stage) throws SQLException {
                upsert(target, specs.get(table), stage);
            }
        };
        try {
            GroupedChanges.apply(target, changes, order, side, table -> new FerryException(ErrorCode.CONFIGURATION,
                    "Unable to apply a change to " + table + ": the migration does not include that table"), () -> {
                        SyncState.touch(target, syncId, changes);
                        SyncState.save(target, syncId, position);
                    });
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to apply changes", e);
        }
    }

    /**
     * Copies the source's current rows of {@code keys} (every row when null) into a temporary table
     * shaped like the target table; keys the source no longer has stage nothing.
     */
    private void stage(Connection source, Connection target, TableCopySpec spec, Set<List<String>> keys, String stage)
            throws SQLException {
        try (Statement st = target.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pg_temp." + stage);
            st.execute("CREATE TEMP TABLE " + stage + " (LIKE " + targetTable(spec) + ") ON COMMIT DROP");
        }
        String select = "SELECT " + spec.sourceSelectList() + " FROM " + dialect.qualified(spec.source().ref());
        if (keys == null) {
            try (PreparedStatement ps = source.prepareStatement(select)) {
                ChunkCopier.streamRows(ps, target, spec, spec.copyInto("pg_temp." + stage), policy, new ValueCounters());
            }
            return;
        }
        List<String> key = spec.key().stream().map(dialect::quote).toList();
        List<dev.ferry.engine.model.Column> columns = spec.key().stream().map(k -> spec.source().column(k).orElseThrow()).toList();
        List<String> typed = columns.stream().map(c -> dialect.keyParameter(c, "?")).toList();
        for (List<List<String>> batch : KeyText.batches(new ArrayList<>(keys))) {
            for (List<List<String>> part : bounded(source, spec, batch, key, typed, columns)) {
                try (PreparedStatement ps = source.prepareStatement(select + " WHERE " + KeyText.matchAny(key, typed, part.size()))) {
                    KeyText.bind(ps, dialect, columns, part); // each as its column (binary keys as bytes, issue 14.3)
                    ps.setFetchSize(part.size());
                    ChunkCopier.streamRows(ps, target, spec, spec.copyInto("pg_temp." + stage), policy, new ValueCounters());
                }
            }
        }
    }

    /**
     * {@code batch} split so that the rows of one part hold at most {@link LongestValue#FETCH_BYTES}
     * of values where the source's driver reads a result whole (pgjdbc outside a transaction): the
     * longest value among the batch's rows decides how many keys a part has, down to one.
     */
    private List<List<List<String>>> bounded(Connection source, TableCopySpec spec, List<List<String>> batch, List<String> key,
                                             List<String> typed, List<dev.ferry.engine.model.Column> columns) throws SQLException {
        String probe = spec.longestValueSql();
        if (probe == null) {
            return List.of(batch);
        }
        try (PreparedStatement ps = source.prepareStatement(probe + " WHERE " + KeyText.matchAny(key, typed, batch.size()))) {
            KeyText.bind(ps, dialect, columns, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Lists.partition(batch, LongestValue.fetchSize(rs.getLong(1), batch.size()));
            }
        }
    }

    /** Deletes on the target the rows of {@code keys} (every row when null) that the stage lacks. */
    private static void deleteGone(Connection target, TableCopySpec spec, Set<List<String>> keys, String stage) throws SQLException {
        String absent = "NOT EXISTS (SELECT 1 FROM pg_temp." + stage + " s WHERE " + spec.targetKey().stream()
                .map(c -> "s." + DdlGenerator.q(c) + " = t." + DdlGenerator.q(c)).collect(Collectors.joining(" AND ")) + ")";
        String delete = "DELETE FROM " + targetTable(spec) + " t WHERE " + absent;
        if (keys == null) {
            try (Statement st = target.createStatement()) {
                st.execute(delete);
            }
            return;
        }
        List<String> key = spec.targetKey().stream().map(c -> "t." + DdlGenerator.q(c)).toList();
        List<String> types = spec.targetKey().stream().map(c -> spec.target().column(c).orElseThrow().type()).toList();
        for (List<List<String>> batch : KeyText.batches(new ArrayList<>(keys))) {
            try (PreparedStatement ps = target.prepareStatement(delete + " AND (" + KeyText.matchAny(key, batch.size()) + ")")) {
                // as the copy wrote them: temporal text rounded like the copy, not by PostgreSQL's input
                KeyText.bind(ps, target, TemporalRounding.keyTexts(batch, types));
                ps.executeUpdate();
            }
        }
    }

    /** Upserts the staged rows into the target table. */
    private static void upsert(Connection target, TableCopySpec spec, String stage) throws SQLException {
        String cols = spec.targetColumns().stream().map(DdlGenerator::q).collect(Collectors.joining(", "));
        String key = spec.targetKey().stream().map(DdlGenerator::q).collect(Collectors.joining(", "));
        List<String> others = spec.targetColumns().stream().filter(c -> !spec.targetKey().contains(c)).toList();
        String action = others.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + others.stream()
                .map(c -> DdlGenerator.q(c) + " = EXCLUDED." + DdlGenerator.q(c)).collect(Collectors.joining(", "));
        try (Statement st = target.createStatement()) {
            st.execute("INSERT INTO " + targetTable(spec) + " (" + cols + ") OVERRIDING SYSTEM VALUE SELECT " + cols + " FROM pg_temp." + stage
                    + " ON CONFLICT (" + key + ") " + action);
        }
    }

    private static String targetTable(TableCopySpec spec) {
        return DdlGenerator.q(spec.target().schema()) + "." + DdlGenerator.q(spec.target().name());
    }

    /** Tables ordered so that every table comes after the tables its foreign keys reference. */
    public static List<TableRef> parentsFirst(TargetSchema schema) {
        Map<TableRef, TargetTable> bySourceTarget = new LinkedHashMap<>();
        Map<TableRef, TableRef> targetToSource = new LinkedHashMap<>();
        schema.tables().forEach(t -> {
            bySourceTarget.put(t.source(), t);
            targetToSource.put(t.ref(), t.source());
        });
        List<TableRef> out = new ArrayList<>();
        Set<TableRef> visiting = new HashSet<>();
        for (TableRef t : bySourceTarget.keySet()) {
            visit(t, bySourceTarget, targetToSource, visiting, out);
        }
        return out;
    }

    private static void visit(TableRef t, Map<TableRef, TargetTable> tables, Map<TableRef, TableRef> targetToSource,
                              Set<TableRef> visiting, List<TableRef> out) {
        if (out.contains(t) || !visiting.add(t)) {
            return;
        }
        for (TargetForeignKey fk : tables.get(t).foreignKeys()) {
            TableRef parent = targetToSource.get(new TableRef(fk.referencedSchema(), fk.referencedTable()));
            if (parent != null && !parent.equals(t)) {
                visit(parent, tables, targetToSource, visiting, out);
            }
        }
        out.add(t);
    }
}
