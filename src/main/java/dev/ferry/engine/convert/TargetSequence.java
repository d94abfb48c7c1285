package dev.ferry.engine.convert;

import dev.ferry.engine.model.TableRef;

/**
 * A sequence as Ferry creates it on PostgreSQL.
 *
 * @param type      smallint, integer or bigint
 * @param lastValue the last value the source had handed out when the plan was made, or null
 */
public record TargetSequence(TableRef source, String schema, String name, String type, long start, long increment,
                             Long minValue, Long maxValue, boolean cycle, Long cache, Long lastValue) {
    public TableRef ref() {
        return new TableRef(schema, name);
    }
}
