package dev.ferry.engine.convert;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Finding;
import java.util.List;

/**
 * The converted schema: what Ferry creates on PostgreSQL, the extensions and collations it needs,
 * and every finding of the conversion.
 *
 * @param sequences the SEQUENCE objects, created before the tables whose defaults draw from them
 * @param views     the views created, in the order they are created (a view after those it reads)
 * @param renames   the objects whose target name is not their own name in the configured style
 */
public record TargetSchema(DatabaseSchema source, List<String> schemas, List<String> extensions, boolean needsCiCollation,
                           List<TargetTable> tables, List<Finding> findings, List<TargetSequence> sequences,
                           List<TargetView> views, List<NameChange> renames) {
    /** The name of the nondeterministic collation created for {@code caseInsensitiveCollation: icu}. */
    public static final String CI_COLLATION = "ferry_ci";

    public TargetSchema {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        tables = List.copyOf(tables);
        findings = List.copyOf(findings);
        sequences = List.copyOf(sequences);
        views = List.copyOf(views);
        renames = List.copyOf(renames);
    }
}
