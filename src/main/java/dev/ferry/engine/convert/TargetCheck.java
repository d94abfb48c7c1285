package dev.ferry.engine.convert;

/**
 * A CHECK constraint on the target with its translated expression.
 *
 * @param sourceName the source CHECK it converts, or null for a CHECK Ferry adds to keep a type's
 *                   range (tinyint) or length (citext)
 * @param notValid   created {@code NOT VALID}: the source did not guarantee its rows satisfy it
 */
public record TargetCheck(String name, String expression, String sourceName, boolean notValid) {
    public TargetCheck(String name, String expression, String sourceName) {
        this(name, expression, sourceName, false);
    }

    public boolean fromSource() {
        return sourceName != null;
    }
}
