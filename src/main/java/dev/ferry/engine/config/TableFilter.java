package dev.ferry.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.engine.model.TableRef;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which source tables take part. Patterns are {@code schema.table} with {@code *} and {@code ?}
 * wildcards, matched case-insensitively; an empty include list means every table.
 */
public record TableFilter(List<String> include, List<String> exclude) {
    @JsonCreator
    public TableFilter(@JsonProperty("include") List<String> include, @JsonProperty("exclude") List<String> exclude) {
        this.include = include == null ? List.of() : List.copyOf(include);
        this.exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public static TableFilter all() {
        return new TableFilter(List.of(), List.of());
    }

    public boolean accepts(TableRef table) {
        String name = table.schema() + "." + table.name();
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> matches(p, name));
        return included && exclude.stream().noneMatch(p -> matches(p, name));
    }

    /** The include patterns that match none of {@code tables}: each a mistake (issue 12.8). */
    public List<String> unmatchedIncludes(java.util.Collection<TableRef> tables) {
        return include.stream().filter(p -> tables.stream().noneMatch(t -> matches(p, t.schema() + "." + t.name()))).toList();
    }

    private static boolean matches(String glob, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(name).matches();
    }
}
