package dev.ferry.engine.convert;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Finding;
import java.util.List;

/**
 * The converted schema: what Ferry creates on PostgreSQL, the extensions and collations it needs,
 * and every finding of the conversion.
 */
public record TargetSchema(DatabaseSchema source, List<String> schemas, List<String> extensions, boolean needsCiCollation,
                           List<TargetTable> tables, List<Finding> findings) {
    /** The name of the nondeterministic collation created for {@code caseInsensitiveCollation: icu}. */
    public static final String CI_COLLATION = "ferry_ci";

    public TargetSchema {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        tables = List.copyOf(tables);
        findings = List.copyOf(findings);
    }
}
