package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.Identity;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.KeyText;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.Change;
import dev.ferry.engine.sync.GroupedChanges;
import dev.ferry.engine.source.ChangeCapture;
import dev.ferry.engine.sync.DeltaApplier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Rollback's half of the sync: applies the writes the application made on the target during the
 * health window back to the source, whatever the source's dialect, through the forward schema's
 * mapping (target table and column → source table and column). For each changed key the target's
 * current row is read; a row gone from the target is deleted from the source, a row still there is
 * updated on the source, or inserted with its key when the source lacks it. Deletes run children
 * first and writes parents first in one source transaction per batch; when that order breaks a
 * constraint the batch runs again change by change in the target's order. Then every identity is
 * raised above the keys brought back.
 */
final class SourceWriteBack {
    private static final int BATCH = 500;

    private final TargetSchema forward;
    private final SourceDialect dialect;
    private final ChangeCapture targetCapture;
    private final Map<TableRef, TargetTable> byTarget = new HashMap<>();
    private final Map<TableRef, List<String>> targetKeys;
    private final List<TableRef> parentsFirst;
    /** Per target table, the source columns the source computes itself (by source name, with why); read once per rollback. */
    private Map<TableRef, Map<String, String>> serverWritten;

    /** @param targetKeys each target table's key, as the reverse capture logs it (target column names) */
    SourceWriteBack(TargetSchema forward, SourceDialect dialect, ChangeCapture targetCapture, Map<TableRef, List<String>> targetKeys) {
        this.forward = forward;
        this.dialect = dialect;
        this.targetCapture = targetCapture;
        this.targetKeys = targetKeys;
        forward.tables().forEach(t -> byTarget.put(t.ref(), t));
        this.parentsFirst = DeltaApplier.parentsFirst(forward).stream()
                .map(s -> forward.tables().stream().filter(t -> t.source().equals(s)).findFirst().orElseThrow().ref()).toList();
    }

    /** Applies every logged target write to the source; returns how many changes it applied. */
    long drain(Supplier<Connection> target, Supplier<Connection> source) {
        long total = 0;
        while (true) {
            try (Connection tgt = target.get(); Connection src = source.get()) {
                readServerWritten(src);
                List<Change> changes = targetCapture.changesAfter(tgt, 0, BATCH);
                if (changes.isEmpty()) {
                    return total;
                }
                apply(tgt, src, changes);
                targetCapture.consumed(tgt, changes);
                total += changes.size();
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.ROLLBACK, "Unable to write the target's changes back to the source", e);
            }
        }
    }

    private void readServerWritten(Connection source) throws SQLException {
        if (serverWritten != null) {
            return;
        }
        Map<TableRef, Map<String, String>> out = new HashMap<>();
        for (TargetTable t : forward.tables()) {
            out.put(t.ref(), dialect.serverWrittenColumns(source, t.source()));
        }
        serverWritten = out;
    }

    /**
     * The source columns a rollback left to the source because it refuses a client's value for them
     * (rowversion, computed, period columns), as {@code schema.table.column: why}; empty before
     * {@link #drain}.
     */
    List<String> leftToSource() {
        List<String> out = new ArrayList<>();
        if (serverWritten != null) {
            forward.tables().forEach(t -> serverWritten.get(t.ref()).forEach((column, why) -> out.add(t.source() + "." + column + ": " + why)));
        }
        return out;
    }

    /** Raises each source identity above the largest key the source now holds. */
    void raiseIdentities(Connection source) {
        for (TargetTable t : forward.tables()) {
            Table table = forward.source().table(t.source()).orElseThrow();
            for (Column c : table.columns()) {
                if (c.identity() == null) {
                    continue;
                }
                try (PreparedStatement ps = source.prepareStatement("SELECT MAX(" + dialect.quote(c.name()) + ") FROM "
                        + dialect.qualified(table.ref())); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long max = rs.getLong(1);
                    if (!rs.wasNull()) {
                        dialect.raiseIdentity(source, table.ref(), c, max + Math.max(1, c.identity().increment()));
                    }
                } catch (SQLException e) {
                    throw FerryException.fromSql(ErrorCode.ROLLBACK, "Unable to raise the identity of " + table.ref() + "."
                            + c.name(), e);
                }
            }
        }
    }

    private void apply(Connection target, Connection source, List<Change> changes) throws SQLException {
        GroupedChanges.Side<Map<List<String>, Object[]>> side = new GroupedChanges.Side<>() {
            @Override
            public Map<List<String>, Object[]> read(TableRef table, Set<List<String>> keys) throws SQLException {
                return readRows(target, byTarget.get(table), keys);
            }

            @Override
            public void deleteGone(TableRef table, Set<List<String>> keys, Map<List<String>, Object[]> rows) throws SQLException {
                for (List<String> k : keys) {
                    if (!rows.containsKey(k)) {
                        delete(source, byTarget.get(table), k);
                    }
                }
            }

            @Override
            public void write(TableRef table, Map<List<String>, Object[]> rows) throws SQLException {
                for (Object[] row : rows.values()) {
                    SourceWriteBack.this.write(source, target, byTarget.get(table), row);
                }
            }
        };
        GroupedChanges.apply(source, changes, parentsFirst, side, table -> new FerryException(ErrorCode.ROLLBACK,
                "Unable to write back a change to " + table + ": the migration does not include that table"), () -> { });
    }

    /**
     * The columns written back: every target column that is not generated on the target and that the
     * source lets a client write (a rowversion, or a computed column that became a plain column, is
     * copied forward but left to the source on the way back).
     */
    private List<TargetColumn> columns(TargetTable t) {
        Map<String, String> left = serverWritten == null ? Map.of() : serverWritten.getOrDefault(t.ref(), Map.of());
        return t.columns().stream().filter(c -> !c.isGenerated() && !left.containsKey(c.sourceName())).toList();
    }

    /** The target's current rows of {@code keys}, by key; keys gone from the target are absent. */
    private Map<List<String>, Object[]> readRows(Connection target, TargetTable t, Set<List<String>> keys) throws SQLException {
        List<String> key = targetKeys.get(t.ref());
        List<TargetColumn> cols = columns(t);
        List<TargetColumn> deferrable = cols.stream().filter(TargetLongValue::deferrable).toList();
        String fromWhere = DdlGenerator.q(t.schema()) + "." + DdlGenerator.q(t.name()) + " WHERE "
                + KeyText.matchAny(key.stream().map(DdlGenerator::q).toList(), 1);
        // a long value stays on the target until its row is written (TargetLongValue): the batch holds only its length
        String select = "SELECT " + cols.stream().map(c -> deferrable.contains(c) ? TargetLongValue.shortOrNull(DdlGenerator.q(c.name()))
                : DdlGenerator.q(c.name())).collect(Collectors.joining(", "))
                + deferrable.stream().map(c -> ", " + TargetLongValue.longLength(DdlGenerator.q(c.name()))).collect(Collectors.joining())
                + " FROM " + fromWhere;
        Map<List<String>, Object[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = target.prepareStatement(select)) {
            for (List<String> k : keys) {
                KeyText.bind(ps, target, List.of(k));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Object[] row = new Object[cols.size()];
                        for (int i = 0; i < cols.size(); i++) {
                            row[i] = read(rs, i + 1);
                        }
                        for (int d = 0; d < deferrable.size(); d++) {
                            long octets = rs.getLong(cols.size() + d + 1);
                            if (!rs.wasNull()) {
                                TargetColumn c = deferrable.get(d);
                                row[cols.indexOf(c)] = new TargetLongValue(DdlGenerator.q(c.name()), fromWhere, k,
                                        TargetLongValue.isBytes(c), octets);
                            }
                        }
                        out.put(k, row);
                    }
                }
            }
        }
        return out;
    }

    /** Binds a value read from the target; a long one (left on the target) streamed from there where the source's driver can. */
    private void bind(PreparedStatement ps, int index, Object value, Connection target) throws SQLException {
        if (value instanceof TargetLongValue v) {
            v.bind(ps, index, target, dialect.streamsLongValues());
        } else {
            ps.setObject(index, value);
        }
    }

    private Object read(ResultSet rs, int index) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Object value = switch (md.getColumnTypeName(index)) {
            case "timestamp" -> rs.getObject(index, LocalDateTime.class);
            case "timestamptz" -> rs.getObject(index, OffsetDateTime.class);
            case "date" -> rs.getObject(index, LocalDate.class);
            case "time" -> rs.getObject(index, LocalTime.class);
            default -> rs.getObject(index);
        };
        return value == null ? null : dialect.fromPostgres(value);
    }

    private void delete(Connection source, TargetTable t, List<String> keyText) throws SQLException {
        List<String> sourceKey = targetKeys.get(t.ref()).stream().map(k -> t.column(k).orElseThrow().sourceName()).toList();
        Table table = forward.source().table(t.source()).orElseThrow();
        List<Column> columns = sourceKey.stream().map(k -> table.column(k).orElseThrow()).toList();
        try (PreparedStatement ps = source.prepareStatement("DELETE FROM " + dialect.qualified(t.source()) + " WHERE "
                + KeyText.matchAny(sourceKey.stream().map(dialect::quote).toList(), columns.stream()
                        .map(c -> dialect.keyParameter(c, "?")).toList(), 1))) {
            KeyText.bind(ps, dialect, columns, List.of(keyText)); // each as its column: binary keys as bytes (issue 14.3)
            ps.executeUpdate();
        }
    }

    /** Updates the source's row with the target's values, or inserts it with its key when the source lacks it. */
    private void write(Connection source, Connection target, TargetTable t, Object[] row) throws SQLException {
        List<TargetColumn> cols = columns(t);
        List<String> key = targetKeys.get(t.ref());
        List<Integer> keyAt = key.stream().map(k -> indexOf(cols, k)).toList();
        List<Integer> otherAt = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            // an identity the source will not update (SQL Server's, PostgreSQL's ALWAYS) cannot have changed on the target either
            if (!keyAt.contains(i) && dialect.updatesIdentity(sourceIdentity(t, cols.get(i)))) {
                otherAt.add(i);
            }
        }
        String where = keyAt.stream().map(i -> dialect.quote(cols.get(i).sourceName()) + " = ?").collect(Collectors.joining(" AND "));
        int updated = 0;
        if (!otherAt.isEmpty()) {
            try (PreparedStatement ps = source.prepareStatement("UPDATE " + dialect.qualified(t.source()) + " SET "
                    + otherAt.stream().map(i -> dialect.quote(cols.get(i).sourceName()) + " = ?").collect(Collectors.joining(", "))
                    + " WHERE " + where)) {
                int p = 1;
                for (int i : otherAt) {
                    bind(ps, p++, row[i], target);
                }
                for (int i : keyAt) {
                    ps.setObject(p++, row[i]);
                }
                updated = ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = source.prepareStatement("SELECT 1 FROM " + dialect.qualified(t.source()) + " WHERE " + where)) {
                for (int p = 0; p < keyAt.size(); p++) {
                    ps.setObject(p + 1, row[keyAt.get(p)]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    updated = rs.next() ? 1 : 0;
                }
            }
        }
        if (updated == 0) {
            insert(source, target, t, cols, row);
        }
    }

    private void insert(Connection source, Connection target, TargetTable t, List<TargetColumn> cols, Object[] row) throws SQLException {
        Identity identity = forward.source().table(t.source()).orElseThrow().columns().stream().map(Column::identity)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (identity != null) {
            dialect.allowExplicitIdentity(source, t.source(), true);
        }
        try (PreparedStatement ps = source.prepareStatement("INSERT INTO " + dialect.qualified(t.source()) + " ("
                + cols.stream().map(c -> dialect.quote(c.sourceName())).collect(Collectors.joining(", ")) + ")"
                + dialect.insertOverriding(identity) + " VALUES ("
                + cols.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")")) {
            for (int i = 0; i < row.length; i++) {
                bind(ps, i + 1, row[i], target);
            }
            ps.executeUpdate();
        } finally {
            if (identity != null) {
                dialect.allowExplicitIdentity(source, t.source(), false);
            }
        }
    }

    /** The source column's identity, or null. */
    private Identity sourceIdentity(TargetTable t, TargetColumn c) {
        return forward.source().table(t.source()).orElseThrow().column(c.sourceName()).map(Column::identity).orElse(null);
    }

    private static int indexOf(List<TargetColumn> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new FerryException(ErrorCode.ROLLBACK, "Unable to write back rows by key column '" + name
                + "': the target or the source computes it, so its value cannot be written");
    }
}
