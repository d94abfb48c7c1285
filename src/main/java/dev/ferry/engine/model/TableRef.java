package dev.ferry.engine.model;

import java.util.Objects;

/** A table's schema and name exactly as the database that owns it spells them. */
public record TableRef(String schema, String name) implements Comparable<TableRef> {
    public TableRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(TableRef o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
