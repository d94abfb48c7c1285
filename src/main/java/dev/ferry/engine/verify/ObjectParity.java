package dev.ferry.engine.verify;

import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetSequence;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.convert.TargetView;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Sequence;
import dev.ferry.engine.model.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Parity of the objects beside the tables: views, sequences and the comments of tables and columns. */
final class ObjectParity {
    private ObjectParity() {
    }

    static void compare(TargetSchema expected, DatabaseSchema actual, List<String> out) {
        for (TargetView v : expected.views()) {
            if (actual.view(v.ref()).isEmpty()) {
                out.add("view " + v.ref() + " is missing");
            }
        }
        for (TargetSequence s : expected.sequences()) {
            Optional<Sequence> a = actual.sequences().stream().filter(x -> x.ref().equals(s.ref())).findFirst();
            if (a.isEmpty()) {
                out.add("sequence " + s.ref() + " is missing");
            } else if (a.get().increment() != s.increment() || a.get().cycle() != s.cycle()
                    || !a.get().type().equals(s.type())) {
                out.add("sequence " + s.ref() + " is " + a.get().type() + " increment " + a.get().increment()
                        + (a.get().cycle() ? " cycle" : "") + ", expected " + s.type() + " increment " + s.increment()
                        + (s.cycle() ? " cycle" : ""));
            }
        }
        for (TargetTable t : expected.tables()) {
            actual.table(t.ref()).ifPresent(a -> comments(t, a, out));
        }
    }

    private static void comments(TargetTable t, Table a, List<String> out) {
        if (!Objects.equals(t.comment(), a.comment())) {
            out.add("table " + t.ref() + " has comment " + quoted(a.comment()) + ", expected " + quoted(t.comment()));
        }
        for (TargetColumn c : t.columns()) {
            String found = a.column(c.name()).map(Column::comment).orElse(c.comment());
            if (!Objects.equals(c.comment(), found)) {
                out.add("column " + t.ref() + "." + c.name() + " has comment " + quoted(found) + ", expected " + quoted(c.comment()));
            }
        }
    }

    private static String quoted(String text) {
        return text == null ? "none" : "'" + text + "'";
    }
}
