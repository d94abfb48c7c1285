package dev.ferry.engine.source.expr;

/**
 * How one source function becomes PostgreSQL. A rule with {@code replacesCall} replaces the whole
 * call, arguments included, by {@code postgres} (so it must be equivalent whatever the arguments); otherwise only the name
 * is replaced and the arguments are translated in place.
 */
public record FunctionRule(String postgres, boolean replacesCall) {
    public static FunctionRule rename(String postgres) {
        return new FunctionRule(postgres, false);
    }

    public static FunctionRule call(String postgres) {
        return new FunctionRule(postgres, true);
    }
}
