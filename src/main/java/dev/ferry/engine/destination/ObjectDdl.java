package dev.ferry.engine.destination;

import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetSequence;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.convert.TargetView;
import dev.ferry.engine.model.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DDL for the objects beside the tables: sequences and their restarts, comments, views. */
final class ObjectDdl {
    private ObjectDdl() {
    }

    static List<DdlStatement> sequences(TargetSchema schema) {
        List<DdlStatement> out = new ArrayList<>();
        for (TargetSequence s : schema.sequences()) {
            StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(name(s.schema(), s.name())).append(" AS ").append(s.type())
                    .append(" INCREMENT BY ").append(s.increment());
            sql.append(s.minValue() == null ? " NO MINVALUE" : " MINVALUE " + s.minValue());
            sql.append(s.maxValue() == null ? " NO MAXVALUE" : " MAXVALUE " + s.maxValue());
            sql.append(" START WITH ").append(s.start());
            if (s.cache() != null && s.cache() > 1) {
                sql.append(" CACHE ").append(s.cache());
            }
            sql.append(s.cycle() ? " CYCLE" : " NO CYCLE");
            out.add(new DdlStatement("sequence " + s.ref(), sql.toString()));
        }
        return out;
    }

    /**
     * Makes each sequence hand out next what the source would hand out next: {@code lastValues} holds
     * the source's last values by source name (a sequence that handed out none keeps its start).
     */
    static List<DdlStatement> sequenceRestarts(TargetSchema schema, Map<TableRef, Long> lastValues) {
        List<DdlStatement> out = new ArrayList<>();
        for (TargetSequence s : schema.sequences()) {
            Long last = lastValues.get(s.source());
            if (last != null) {
                out.add(new DdlStatement("sequence value " + s.ref(), "SELECT setval(" + literal(name(s.schema(), s.name()))
                        + ", " + last + ", true)"));
            }
        }
        return out;
    }

    static List<DdlStatement> comments(TargetSchema schema) {
        List<DdlStatement> out = new ArrayList<>();
        for (TargetTable t : schema.tables()) {
            String table = name(t.schema(), t.name());
            if (t.comment() != null) {
                out.add(new DdlStatement("comment on " + t.ref(), "COMMENT ON TABLE " + table + " IS " + literal(t.comment())));
            }
            for (TargetColumn c : t.columns()) {
                if (c.comment() != null) {
                    out.add(new DdlStatement("comment on " + t.ref() + "." + c.name(), "COMMENT ON COLUMN " + table + "."
                            + DdlGenerator.q(c.name()) + " IS " + literal(c.comment())));
                }
            }
        }
        return out;
    }

    /** One phase per view, in dependency order; a view's comment goes with it. */
    static List<List<DdlStatement>> views(TargetSchema schema) {
        List<List<DdlStatement>> out = new ArrayList<>();
        for (TargetView v : schema.views()) {
            String name = name(v.schema(), v.name());
            String query = v.sql().strip().replaceAll(";\\s*$", "");
            List<DdlStatement> phase = new ArrayList<>(List.of(new DdlStatement("view " + v.ref(), "CREATE VIEW " + name + " AS " + query)));
            if (v.comment() != null) {
                phase.add(new DdlStatement("comment on " + v.ref(), "COMMENT ON VIEW " + name + " IS " + literal(v.comment())));
            }
            out.add(phase);
        }
        return out;
    }

    private static String name(String schema, String name) {
        return DdlGenerator.q(schema) + "." + DdlGenerator.q(name);
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
