package dev.ferry.engine.source.expr;

/**
 * The result of translating a source expression to PostgreSQL: either {@code sql} or a
 * {@code problem} saying why it could not be translated. Never both.
 */
public record Translation(String sql, String problem) {
    public static Translation ok(String sql) {
        return new Translation(sql, null);
    }

    public static Translation failed(String problem) {
        return new Translation(null, problem);
    }

    public boolean isOk() {
        return problem == null;
    }
}
