package dev.ferry.engine.plan;

import dev.ferry.engine.model.Finding;
import java.util.List;

/**
 * What the plan found: every object, how it converts, and every finding. Serialized as
 * assessment.json (format in docs/assessment.md) and rendered as assessment.md.
 */
public record Assessment(String sourceProduct, String source, Summary summary, List<TableEntry> tables,
                         List<String> notConverted, List<Finding> findings, List<String> renames, List<String> views,
                         List<String> sequences) {

    /** Counts of source objects in the migrated tables beside the counts Ferry creates. */
    public record Summary(int tables, int columns, Count primaryKeys, Count uniqueConstraints, Count indexes,
                          Count foreignKeys, Count checks, int warnings, int errors, Count views, Count sequences) {
    }

    /** {@code converted} of {@code source} objects of one kind. */
    public record Count(int source, int converted) {
        public String text() {
            return converted + " of " + source;
        }
    }

    /** One table's conversion. */
    public record TableEntry(String source, String target, String primaryKey, List<ColumnEntry> columns,
                             List<String> uniqueConstraints, List<String> indexes, List<String> foreignKeys,
                             List<String> checks) {
    }

    /** One column's conversion. */
    public record ColumnEntry(String source, String sourceType, String target, String targetType, boolean nullable,
                              String defaultValue, String identity, String generated) {
    }
}
