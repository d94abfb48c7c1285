package dev.ferry.engine.verify;

import dev.ferry.engine.destination.PostgresTarget;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Schema parity on the target: every object of the plan is there as planned ({@link SchemaParity}),
 * every identity's next value is above the largest key, and no constraint is left NOT VALID but those the plan
 * creates NOT VALID because the source did not guarantee them.
 */
final class SchemaValidator {
    private SchemaValidator() {
    }

    static ValidationReport.SchemaResult validate(TargetSchema expected, Connection target) {
        DatabaseSchema actual = PostgresTarget.readBack(target);
        List<String> differences = new ArrayList<>(SchemaParity.differences(expected, actual));
        try {
            differences.addAll(notValid(target, plannedNotValid(expected)));
            for (TargetTable t : expected.tables()) {
                for (TargetColumn c : t.columns()) {
                    if (c.identity() != null) {
                        identity(target, t, c).ifPresent(differences::add);
                    }
                }
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the target's catalog", e);
        }
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("tables", found(expected, actual, t -> 1, t -> 1) + " of " + expected.tables().size());
        counts.put("primary keys", found(expected, actual, t -> t.primaryKey() == null ? 0 : 1, a -> a.primaryKey() == null ? 0 : 1)
                + " of " + expected.tables().stream().filter(t -> t.primaryKey() != null).count());
        counts.put("unique constraints", found(expected, actual, t -> t.uniqueConstraints().size(), a -> a.uniqueConstraints().size())
                + " of " + expected.tables().stream().mapToInt(t -> t.uniqueConstraints().size()).sum());
        counts.put("indexes", found(expected, actual, t -> t.indexes().size(), a -> a.indexes().size())
                + " of " + expected.tables().stream().mapToInt(t -> t.indexes().size()).sum());
        counts.put("foreign keys", found(expected, actual, t -> t.foreignKeys().size(), a -> a.foreignKeys().size())
                + " of " + expected.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum());
        counts.put("checks", found(expected, actual, t -> t.checks().size(), a -> a.checks().size())
                + " of " + expected.tables().stream().mapToInt(t -> t.checks().size()).sum());
        if (!expected.views().isEmpty() || !expected.sequences().isEmpty()) {
            counts.put("views", expected.views().stream().filter(v -> actual.view(v.ref()).isPresent()).count()
                    + " of " + expected.views().size());
            counts.put("sequences", expected.sequences().stream().filter(s -> actual.sequences().stream()
                    .anyMatch(a -> a.ref().equals(s.ref()))).count() + " of " + expected.sequences().size());
        }
        return new ValidationReport.SchemaResult(differences, counts);
    }

    /** Objects of a kind found on the target, table by table never more than planned. */
    private static int found(TargetSchema expected, DatabaseSchema actual, ToIntFunction<TargetTable> planned,
                             ToIntFunction<Table> present) {
        int n = 0;
        for (TargetTable t : expected.tables()) {
            Table a = actual.table(t.ref()).orElse(null);
            n += a == null ? 0 : Math.min(planned.applyAsInt(t), present.applyAsInt(a));
        }
        return n;
    }

    /** Constraints the plan creates NOT VALID on purpose: the source did not guarantee them (SQL Server's untrusted ones). */
    private static java.util.Set<String> plannedNotValid(TargetSchema expected) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (TargetTable t : expected.tables()) {
            t.checks().stream().filter(c -> c.notValid()).forEach(c -> out.add(t.schema() + "." + t.name() + "." + c.name()));
            t.foreignKeys().stream().filter(f -> f.notValid()).forEach(f -> out.add(t.schema() + "." + t.name() + "." + f.name()));
        }
        return out;
    }

    private static List<String> notValid(Connection c, java.util.Set<String> planned) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT n.nspname || '.' || r.relname || '.' || "
                + "con.conname FROM pg_constraint con JOIN pg_class r ON r.oid = con.conrelid JOIN pg_namespace n ON n.oid = "
                + "r.relnamespace WHERE NOT con.convalidated AND n.nspname <> 'ferry'")) {
            while (rs.next()) {
                if (!planned.contains(rs.getString(1))) {
                    out.add("constraint " + rs.getString(1) + " is NOT VALID");
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> identity(Connection c, TargetTable t, TargetColumn col) throws SQLException {
        String table = DdlGenerator.q(t.schema()) + "." + DdlGenerator.q(t.name());
        String sequence;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, col.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sequence = rs.getString(1);
            }
        }
        if (sequence == null) {
            return java.util.Optional.of("identity " + t.ref() + "." + col.name() + " has no sequence");
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s.last_value, s.is_called, "
                + "(SELECT max(" + DdlGenerator.q(col.name()) + ") FROM " + table + "), (SELECT min(" + DdlGenerator.q(col.name())
                + ") FROM " + table + ") FROM " + sequence + " s")) {
            rs.next();
            long last = rs.getLong(1);
            long inc = col.identity().increment();
            long next = rs.getBoolean(2) ? last + inc : last;
            rs.getLong(3);
            boolean empty = rs.wasNull();
            long edge = inc > 0 ? rs.getLong(3) : rs.getLong(4);
            if (!empty && (inc > 0 ? next <= edge : next >= edge)) {
                return java.util.Optional.of("identity " + t.ref() + "." + col.name() + " would next hand out " + next
                        + ", which the copied data already holds (" + (inc > 0 ? "max " : "min ") + edge + ")");
            }
        }
        return java.util.Optional.empty();
    }
}
