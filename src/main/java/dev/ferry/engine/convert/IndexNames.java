package dev.ferry.engine.convert;

import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.KeyConstraint;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names indexes on the target. SQL Server scopes an index name to its table, PostgreSQL to the
 * schema, so two tables may each have an {@code IX_CreatedAt}. An index whose name another index of
 * the same target schema, a table or a key of that schema also has is renamed to
 * {@code <table>_<index>} (shortened like any long name), for every table involved, so the result
 * does not depend on the order tables are read in. Constraint names keep theirs.
 */
final class IndexNames {
    private final NameMapper names;
    private final Map<String, Integer> indexUses = new HashMap<>();
    private final Map<String, Integer> otherUses = new HashMap<>();

    IndexNames(NameMapper names, List<Table> tables, Map<TableRef, TableRef> targetRefs) {
        this.names = names;
        for (Table t : tables) {
            String schema = targetRefs.get(t.ref()).schema();
            t.indexes().forEach(i -> indexUses.merge(key(schema, names.map(i.name())), 1, Integer::sum));
            otherUses.merge(key(schema, targetRefs.get(t.ref()).name()), 1, Integer::sum);
            java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(t.primaryKey()), t.uniqueConstraints().stream())
                    .map(KeyConstraint::name).filter(Objects::nonNull)
                    .forEach(n -> otherUses.merge(key(schema, names.map(n)), 1, Integer::sum));
        }
    }

    /** The target name of {@code index} of the table whose target is {@code table}. */
    String name(TableRef table, Index index) {
        String mapped = names.map(index.name());
        String key = key(table.schema(), mapped);
        boolean shared = indexUses.getOrDefault(key, 0) > 1 || otherUses.containsKey(key);
        return shared ? NameMapper.shorten(table.name() + "_" + mapped) : mapped;
    }

    private static String key(String schema, String name) {
        return schema + "\u0000" + name;
    }
}
