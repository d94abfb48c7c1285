package dev.ferry.engine.convert;

import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.KeyConstraint;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Names indexes on the target. SQL Server scopes an index name to its table, PostgreSQL to the
 * schema, so two tables may each have an {@code IX_CreatedAt}. An index whose name another index of
 * the same target schema, a table, view, sequence or key of that schema also has is renamed to
 * {@code <table>_<index>} (shortened like any long name), for every table involved; when that name
 * is taken too, {@code _2}, {@code _3}, … is added (within the 63-byte rule) until it is free. The
 * renamed indexes are named in order of schema, table and index name, so the result does not depend
 * on the order tables are read in. Constraint names keep theirs.
 */
final class IndexNames {
    private final NameMapper names;
    private final Map<String, String> renamed = new HashMap<>();

    /** @param otherRelations the target names of the views and sequences created beside the tables */
    IndexNames(NameMapper names, List<Table> tables, Map<TableRef, TableRef> targetRefs, Collection<TableRef> otherRelations) {
        this.names = names;
        Map<String, Integer> indexUses = new HashMap<>();
        Set<String> taken = new HashSet<>();
        otherRelations.forEach(r -> taken.add(key(r.schema(), r.name())));
        for (Table t : tables) {
            String schema = targetRefs.get(t.ref()).schema();
            t.indexes().forEach(i -> indexUses.merge(key(schema, names.map(i.name())), 1, Integer::sum));
            taken.add(key(schema, targetRefs.get(t.ref()).name()));
            Stream.concat(Stream.ofNullable(t.primaryKey()), t.uniqueConstraints().stream())
                    .map(KeyConstraint::name).filter(Objects::nonNull).forEach(n -> taken.add(key(schema, names.map(n))));
        }
        List<Shared> shared = new java.util.ArrayList<>();
        for (Table t : tables) {
            TableRef target = targetRefs.get(t.ref());
            for (Index i : t.indexes()) {
                String k = key(target.schema(), names.map(i.name()));
                if (indexUses.get(k) > 1 || taken.contains(k)) {
                    shared.add(new Shared(target.schema(), target.name(), names.map(i.name()), i.name()));
                } else {
                    taken.add(k);
                }
            }
        }
        shared.sort(Comparator.comparing(Shared::schema).thenComparing(Shared::table).thenComparing(Shared::mapped)
                .thenComparing(Shared::source));
        for (Shared s : shared) {
            renamed.put(indexKey(s.schema(), s.table(), s.source()), free(s.schema(), s.table() + "_" + s.mapped(), taken));
        }
    }

    /** The target name of {@code index} of the table whose target is {@code table}. */
    String name(TableRef table, Index index) {
        return renamed.getOrDefault(indexKey(table.schema(), table.name(), index.name()), names.map(index.name()));
    }

    /** {@code base}, shortened, or with the first numeric suffix that makes it free in {@code schema}; then taken. */
    private static String free(String schema, String base, Set<String> taken) {
        String name = NameMapper.shorten(base);
        for (int n = 2; taken.contains(key(schema, name)); n++) {
            name = NameMapper.shorten(base + "_" + n);
        }
        taken.add(key(schema, name));
        return name;
    }

    /** An index to rename: its table's target schema and name, its name mapped, and its source name. */
    private record Shared(String schema, String table, String mapped, String source) {
    }

    private static String key(String schema, String name) {
        return schema + "\u0000" + name;
    }

    private static String indexKey(String schema, String table, String index) {
        return schema + "\u0000" + table + "\u0000" + index;
    }
}
