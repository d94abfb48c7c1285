package dev.ferry.engine.plan;

import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetSequence;
import dev.ferry.engine.convert.TargetView;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.View;
import java.util.List;
import java.util.Optional;

/** The assessment's lines for views and sequences. */
final class AssessmentObjects {
    private AssessmentObjects() {
    }

    /** Every source view: created (translated or from the config, in creation order), then those not created with why. */
    static List<String> views(TargetSchema schema) {
        List<String> created = schema.views().stream().map(v -> v.source() + " -> " + v.ref() + " ("
                + (v.origin() == TargetView.Origin.CONFIG ? "from the config" : "translated") + ")").toList();
        List<String> notCreated = schema.source().views().stream()
                .filter(v -> schema.views().stream().noneMatch(t -> t.source().equals(v.ref())))
                .map(v -> v.ref() + ": not created, " + reason(schema, v)).toList();
        return java.util.stream.Stream.concat(created.stream(), notCreated.stream()).toList();
    }

    private static String reason(TargetSchema schema, View v) {
        Optional<Finding> f = schema.findings().stream().filter(x -> x.category() == Finding.Category.VIEW
                && x.object().equals(v.ref().toString()) && x.severity() == Finding.Severity.WARNING).findFirst();
        return f.map(Finding::message).map(m -> m.replaceFirst("^view is not created: ", "")).orElse("its schema is not migrated");
    }

    static List<String> sequences(TargetSchema schema) {
        return schema.sequences().stream().map(AssessmentObjects::sequence).toList();
    }

    private static String sequence(TargetSequence s) {
        return s.source() + " -> " + s.ref() + " " + s.type() + " start " + s.start() + " increment " + s.increment()
                + (s.minValue() == null ? "" : " min " + s.minValue()) + (s.maxValue() == null ? "" : " max " + s.maxValue())
                + (s.cycle() ? " cycle" : "") + (s.cache() != null && s.cache() > 1 ? " cache " + s.cache() : "")
                + (s.lastValue() == null ? ", not used yet" : ", last value " + s.lastValue() + " (carried over at the copy and at cutover)");
    }
}
