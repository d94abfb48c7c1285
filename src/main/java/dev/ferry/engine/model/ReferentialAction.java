package dev.ferry.engine.model;

import java.util.Locale;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT;

    /** The SQL words, e.g. {@code SET NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** Parses catalog spellings such as {@code NO ACTION}, {@code NO_ACTION}, {@code SET_NULL}. */
    public static ReferentialAction parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
