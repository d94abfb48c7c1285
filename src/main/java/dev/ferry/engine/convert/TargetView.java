package dev.ferry.engine.convert;

import dev.ferry.engine.model.TableRef;
import java.util.List;

/**
 * A view as Ferry creates it on PostgreSQL, after the tables and after the views it reads.
 *
 * @param sql     the view's query in PostgreSQL
 * @param origin  whether Ferry translated it or the config supplied it
 * @param reads   the source tables and views it reads
 * @param comment its description, or null
 */
public record TargetView(TableRef source, String schema, String name, String sql, Origin origin, List<TableRef> reads,
                         String comment) {
    /** Where a view's PostgreSQL text comes from. */
    public enum Origin { TRANSLATED, CONFIG }

    public TargetView {
        reads = List.copyOf(reads);
    }

    public TableRef ref() {
        return new TableRef(schema, name);
    }
}
