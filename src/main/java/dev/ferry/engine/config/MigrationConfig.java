package dev.ferry.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.engine.config.ValuePolicy;
import java.util.Map;

/**
 * The migration config file (YAML). Every field is optional; {@link #defaults()} is what Ferry
 * does without a file. See docs/configuration.md.
 *
 * @param schemas     source schema to target schema; the source's default schema maps to
 *                    {@code public} unless listed here
 * @param expressions PostgreSQL SQL to use for a default, CHECK, index filter or computed column
 *                    Ferry cannot translate, keyed by {@code schema.table.name} where name is the
 *                    column (defaults, computed columns) or the constraint/index name
 * @param values      what the copy does with values PostgreSQL cannot store (default: stop)
 * @param freeze      how a cutover stops the application writing to the source
 * @param cutover     the cutover's thresholds: lag before the freeze, probe error rate and latency
 * @param views       PostgreSQL text (the query, without CREATE VIEW) of a view Ferry cannot translate, keyed by
 *                    {@code schema.view} as the source spells it
 */
public record MigrationConfig(
        TableFilter tables,
        Map<String, String> schemas,
        NameStyle names,
        CaseInsensitivePolicy caseInsensitiveCollation,
        CastRules cast,
        Map<String, String> expressions,
        ValuePolicy values,
        FreezeConfig freeze,
        CutoverConfig cutover,
        Map<String, String> views) {

    @JsonCreator
    public MigrationConfig(
            @JsonProperty("tables") TableFilter tables,
            @JsonProperty("schemas") Map<String, String> schemas,
            @JsonProperty("names") NameStyle names,
            @JsonProperty("caseInsensitiveCollation") CaseInsensitivePolicy caseInsensitiveCollation,
            @JsonProperty("cast") CastRules cast,
            @JsonProperty("expressions") Map<String, String> expressions,
            @JsonProperty("values") ValuePolicy values,
            @JsonProperty("freeze") FreezeConfig freeze,
            @JsonProperty("cutover") CutoverConfig cutover,
            @JsonProperty("views") Map<String, String> views) {
        this.tables = tables == null ? TableFilter.all() : tables;
        this.schemas = schemas == null ? Map.of() : Map.copyOf(schemas);
        this.names = names == null ? NameStyle.KEEP : names;
        this.caseInsensitiveCollation = caseInsensitiveCollation == null ? CaseInsensitivePolicy.CITEXT : caseInsensitiveCollation;
        this.cast = cast == null ? CastRules.none() : cast;
        this.expressions = CaseInsensitiveKeys.copy(expressions, "expressions");
        this.values = values == null ? ValuePolicy.strict() : values;
        this.freeze = freeze == null ? FreezeConfig.defaults() : freeze;
        this.cutover = cutover == null ? CutoverConfig.defaults() : cutover;
        this.views = CaseInsensitiveKeys.copy(views, "views");
        if (this.cutover.maxErrorRate() != null && (this.cutover.maxErrorRate() < 0 || this.cutover.maxErrorRate() > 1)) {
            throw new IllegalArgumentException("cutover.maxErrorRate must be between 0 and 1, was " + this.cutover.maxErrorRate());
        }
    }

    public static MigrationConfig defaults() {
        return new MigrationConfig(null, null, null, null, null, null, null, null, null, null);
    }

    public MigrationConfig withNames(NameStyle style) {
        return new MigrationConfig(tables, schemas, style, caseInsensitiveCollation, cast, expressions, values, freeze, cutover, views);
    }
}
