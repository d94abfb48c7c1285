package dev.ferry.engine.convert;

/**
 * A CHECK constraint on the target with its translated expression.
 *
 * @param sourceName the source CHECK it converts, or null for a CHECK Ferry adds to keep a type's
 *                   range (tinyint) or length (citext)
 */
public record TargetCheck(String name, String expression, String sourceName) {
    public boolean fromSource() {
        return sourceName != null;
    }
}
