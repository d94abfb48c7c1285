package dev.ferry.engine.convert;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.NameStyle;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.Finding.Category;
import dev.ferry.engine.model.Finding.Severity;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.model.View;
import dev.ferry.engine.source.expr.ViewNames;
import dev.ferry.engine.source.expr.ViewTranslation;
import dev.ferry.engine.source.expr.ViewTranslator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Converts the source's views: the config's {@code views:} text where given, else the dialect's
 * translation. A view that cannot be converted, or reads one that is not, is listed with the
 * reason. The result is in dependency order: a view after every view it reads.
 */
final class ViewConverter {
    private final ViewTranslator translator;
    private final MigrationConfig config;
    private final NameMapper names;
    private final List<Finding> findings;
    private final Map<TableRef, TableRef> targets = new LinkedHashMap<>();
    /** Column name (lower case) to whether it is boolean in every migrated table that has it. */
    private final Map<String, Boolean> booleans = new java.util.HashMap<>();
    /** Column name (lower case) to whether it is text in every migrated table that has it. */
    private final Map<String, Boolean> texts = new java.util.HashMap<>();
    /** Column name (lower case) to whether it is a number in some migrated table that has it. */
    private final Map<String, Boolean> numbers = new java.util.HashMap<>();
    private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("(text|citext|varchar|character varying|char|character|bpchar)(\\(\\d+\\))?");

    ViewConverter(ViewTranslator translator, MigrationConfig config, NameMapper names, List<Finding> findings) {
        this.translator = translator;
        this.config = config;
        this.names = names;
        this.findings = findings;
    }

    List<TargetView> convert(DatabaseSchema source, List<TargetTable> tables, UnaryOperator<String> targetSchema,
                             NameRegistry registry) {
        for (TargetTable t : tables) {
            targets.put(t.source(), t.ref());
            t.columns().forEach(c -> {
                String key = c.sourceName().toLowerCase(java.util.Locale.ROOT);
                booleans.merge(key, c.type().equals("boolean"), Boolean::logicalAnd);
                texts.merge(key, TEXT.matcher(c.type()).matches(), Boolean::logicalAnd);
                numbers.merge(key, dev.ferry.engine.source.MappedType.isNumeric(c.type()), Boolean::logicalOr);
            });
        }
        for (View v : source.views()) {
            TableRef target = new TableRef(targetSchema.apply(v.ref().schema()), names.map(v.ref().name()));
            registry.claim("relations of schema " + target.schema(), target.name(), "view " + v.ref());
            targets.put(v.ref(), target);
        }
        Map<TableRef, TargetView> converted = new LinkedHashMap<>();
        for (View v : source.views()) {
            convert(v).ifPresent(t -> converted.put(v.ref(), t));
        }
        List<TargetView> ordered = new ArrayList<>();
        Set<TableRef> visiting = new LinkedHashSet<>();
        for (TargetView v : converted.values()) {
            place(v, converted, source, ordered, visiting);
        }
        return ordered;
    }

    private Optional<TargetView> convert(View v) {
        TableRef target = targets.get(v.ref());
        String supplied = config.views().get(v.ref().toString());
        if (supplied != null) {
            findings.add(new Finding(Severity.INFO, Category.VIEW, v.ref().toString(), "view created from the PostgreSQL text in the config"));
            return Optional.of(new TargetView(v.ref(), target.schema(), target.name(), supplied, TargetView.Origin.CONFIG,
                    v.dependsOn(), v.comment()));
        }
        ViewTranslation t = translator.translate(v, new Names());
        if (!t.isOk()) {
            notCreated(v.ref(), t.problem());
            return Optional.empty();
        }
        Set<TableRef> reads = new LinkedHashSet<>(t.reads());
        reads.addAll(v.dependsOn());
        return Optional.of(new TargetView(v.ref(), target.schema(), target.name(), t.sql(), TargetView.Origin.TRANSLATED,
                List.copyOf(reads), v.comment()));
    }

    /** Adds {@code v} after the views it reads; false (and a finding) when one of them is not created. */
    private boolean place(TargetView v, Map<TableRef, TargetView> converted, DatabaseSchema source, List<TargetView> ordered,
                          Set<TableRef> visiting) {
        if (ordered.contains(v)) {
            return true;
        }
        if (!visiting.add(v.source())) {
            notCreated(v.source(), "it reads itself through other views");
            return false;
        }
        for (TableRef read : v.reads()) {
            if (source.view(read).isPresent() && !read.equals(v.source())) {
                TargetView dependency = converted.get(read);
                if (dependency == null || !place(dependency, converted, source, ordered, visiting)) {
                    notCreated(v.source(), "it reads view " + read + ", which is not created");
                    return false;
                }
            }
        }
        ordered.add(v);
        return true;
    }

    private void notCreated(TableRef view, String reason) {
        findings.add(new Finding(Severity.WARNING, Category.VIEW, view.toString(), "view is not created: " + reason
                + "; give its PostgreSQL query under views: '" + view + "' in the config"));
    }

    /** The source's names as a view translation sees them. */
    private final class Names implements ViewNames {
        @Override
        public Optional<String> relation(TableRef source) {
            TableRef exact = targets.get(source);
            TableRef target = exact != null ? exact : targets.entrySet().stream()
                    .filter(e -> e.getKey().schema().equalsIgnoreCase(source.schema())
                            && e.getKey().name().equalsIgnoreCase(source.name()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return Optional.ofNullable(target).map(t -> ColumnConverter.quote(t.schema()) + "." + ColumnConverter.quote(t.name()));
        }

        @Override
        public String identifier(String sourceName) {
            return names.map(sourceName);
        }

        @Override
        public boolean isBoolean(String column) {
            return booleans.getOrDefault(column.toLowerCase(java.util.Locale.ROOT), false);
        }

        @Override
        public boolean isText(String column) {
            return texts.getOrDefault(column.toLowerCase(java.util.Locale.ROOT), false);
        }

        @Override
        public boolean mayBeNumber(String column) {
            return numbers.getOrDefault(column.toLowerCase(java.util.Locale.ROOT), false);
        }

        @Override
        public boolean keepsNames() {
            return config.names() == NameStyle.KEEP && config.schemas().entrySet().stream()
                    .allMatch(e -> e.getKey().equals(e.getValue()));
        }
    }
}
