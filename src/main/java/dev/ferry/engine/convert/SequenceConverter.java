package dev.ferry.engine.convert;

import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import dev.ferry.engine.model.Sequence;
import dev.ferry.engine.model.TableRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Converts the source's SEQUENCE objects: names in the configured style, type narrowed to PostgreSQL's sequence types. */
final class SequenceConverter {
    private SequenceConverter() {
    }

    /** The converted sequences by their source name, in the source's order. */
    static Map<TableRef, TargetSequence> convert(List<Sequence> sequences, UnaryOperator<String> targetSchema, NameMapper names,
                                                 NameRegistry registry, List<Finding> findings) {
        Map<TableRef, TargetSequence> out = new LinkedHashMap<>();
        for (Sequence s : sequences) {
            String schema = targetSchema.apply(s.ref().schema());
            String name = names.map(s.ref().name());
            registry.claim("relations of schema " + schema, name, "sequence " + s.ref());
            String type = SequenceDefaults.targetType(s.type());
            if (!type.equals(s.type().toLowerCase(java.util.Locale.ROOT))) {
                findings.add(new Finding(Severity.INFO, Category.TYPE, s.ref().toString(), "sequence of type " + s.type()
                        + " becomes " + type + " (PostgreSQL sequences are smallint, integer or bigint)"));
            }
            out.put(s.ref(), new TargetSequence(s.ref(), schema, name, type, s.start(), s.increment(), s.minValue(),
                    s.maxValue(), s.cycle(), s.cache(), s.lastValue()));
        }
        return out;
    }
}
