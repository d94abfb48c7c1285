package dev.ferry.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;

/**
 * Type overrides, like pgloader's CAST rules. {@code types} is keyed by source type, either bare
 * ({@code datetimeoffset}) or as declared ({@code nvarchar(max)}); {@code columns} by
 * {@code schema.table.column}. Values are PostgreSQL type names, checked as such ({@link TypeNames}):
 * they go into the DDL. A column rule beats a type rule.
 */
public record CastRules(Map<String, String> types, Map<String, String> columns) {
    @JsonCreator
    public CastRules(@JsonProperty("types") Map<String, String> types,
                     @JsonProperty("columns") Map<String, String> columns) {
        this.types = CaseInsensitiveKeys.copy(types, "cast.types");
        this.columns = CaseInsensitiveKeys.copy(columns, "cast.columns");
        this.types.forEach((k, v) -> TypeNames.check("cast.types." + k, v));
        this.columns.forEach((k, v) -> TypeNames.check("cast.columns." + k, v));
    }

    public static CastRules none() {
        return new CastRules(Map.of(), Map.of());
    }

    /** The override for a column, or null. */
    public String find(String qualifiedColumn, String declaredType, String bareType) {
        String rule = columns.get(qualifiedColumn);
        if (rule == null) {
            rule = types.get(declaredType.toLowerCase(Locale.ROOT));
        }
        return rule != null ? rule : types.get(bareType.toLowerCase(Locale.ROOT));
    }
}
