package dev.ferry.engine.model;

/** A database object Ferry lists in the assessment but does not convert. */
public record SourceObject(Kind kind, String schema, String name) {
    /** The kinds of object listed. */
    public enum Kind { VIEW, PROCEDURE, FUNCTION, TRIGGER, SEQUENCE, SYNONYM, TYPE }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + schema + "." + name;
    }
}
