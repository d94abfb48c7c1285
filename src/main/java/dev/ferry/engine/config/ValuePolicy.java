package dev.ferry.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the copy does with a value PostgreSQL cannot store. By default nothing is changed: the run
 * stops naming the table, column and key. {@code nulReplacement} (config {@code values.nulReplacement})
 * replaces U+0000 in text with the given string instead; every replacement is counted and reported.
 */
public record ValuePolicy(String nulReplacement) {
    @JsonCreator
    public ValuePolicy(@JsonProperty("nulReplacement") String nulReplacement) {
        if (nulReplacement != null && nulReplacement.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("values.nulReplacement must not itself contain U+0000");
        }
        this.nulReplacement = nulReplacement;
    }

    public static ValuePolicy strict() {
        return new ValuePolicy(null);
    }
}
