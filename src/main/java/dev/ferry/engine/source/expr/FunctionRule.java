package dev.ferry.engine.source.expr;

/**
 * How one source function becomes PostgreSQL. A rule with {@code replacesCall} replaces the whole
 * call, arguments included, by {@code postgres} (so it must be equivalent whatever the arguments); a
 * rule with {@code closing} writes {@code postgres}, the translated arguments and {@code closing}
 * ({@code LEN(x)} → {@code length(rtrim(x))}); otherwise only the name is replaced and the arguments are
 * translated in place. A rule with a {@code refusal} is never translated: the refusal says why.
 */
public record FunctionRule(String postgres, boolean replacesCall, String closing, String refusal) {
    public static FunctionRule rename(String postgres) {
        return new FunctionRule(postgres, false, null, null);
    }

    public static FunctionRule call(String postgres) {
        return new FunctionRule(postgres, true, null, null);
    }

    /** {@code f(args)} becomes {@code opening + args + closing}, e.g. {@code "length(rtrim("} and {@code "))"}. */
    public static FunctionRule wrap(String opening, String closing) {
        return new FunctionRule(opening, false, closing, null);
    }

    /** A function whose PostgreSQL look-alike means something else: the expression is refused, naming why. */
    public static FunctionRule refuse(String reason) {
        return new FunctionRule(null, false, null, reason);
    }
}
