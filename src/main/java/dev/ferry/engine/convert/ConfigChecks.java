package dev.ferry.engine.convert;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Table;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the config against the source it is applied to, so that a mistake is refused by name
 * instead of quietly doing nothing (issue 12.8): an include pattern that matches no table, a cast
 * rule for a column the source does not have.
 */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void check(MigrationConfig config, DatabaseSchema source) {
        List<String> unmatched = config.tables().unmatchedIncludes(source.tables().stream().map(Table::ref).toList());
        if (!unmatched.isEmpty()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to plan: tables.include pattern(s) " + unmatched
                    + " match no table of the source (patterns are schema.table with * and ?, case-insensitive)");
        }
        Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Table t : source.tables()) {
            for (Column c : t.columns()) {
                columns.add(t.ref() + "." + c.name());
            }
        }
        Set<String> views = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        source.views().forEach(v -> views.add(v.ref().toString()));
        for (String key : config.views().keySet()) {
            if (!views.contains(key)) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to plan: views '" + key
                        + "' names no view of the source (the key is schema.view, as the source spells it)");
            }
        }
        for (String key : config.cast().columns().keySet()) {
            if (!columns.contains(key)) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to plan: cast.columns '" + key
                        + "' names no column of the source (the key is schema.table.column, as the source spells it)");
            }
        }
    }
}
