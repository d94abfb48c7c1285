package dev.ferry.engine.source.expr;

import dev.ferry.engine.model.TableRef;
import java.util.Optional;

/** What a {@link ViewTranslator} needs to know about the source's names and their targets. */
public interface ViewNames {
    /** The target's quoted, schema-qualified name of source table or view {@code source}; empty when it is not created. */
    Optional<String> relation(TableRef source);

    /** The target spelling (unquoted) of a column, alias or other identifier, in the configured name style. */
    String identifier(String sourceName);

    /**
     * Whether {@code column} is boolean on the target in every migrated table that has a column of
     * that name (SQL Server's bit), so that {@code column = 1} becomes {@code column = true}.
     */
    default boolean isBoolean(String column) {
        return false;
    }

    /** Whether {@code column} is text on the target in every migrated table that has it, so that '+' next to it is '||'. */
    default boolean isText(String column) {
        return false;
    }

    /**
     * Whether {@code column} is a number on the target in some migrated table that has it: T-SQL's
     * '+' between it and a string adds (the number's type outranks the string's), which '||' would not.
     */
    default boolean mayBeNumber(String column) {
        return false;
    }

    /** Whether every name of the source stays as it is on the target (no snake_case, no schema renamed but the default). */
    boolean keepsNames();
}
