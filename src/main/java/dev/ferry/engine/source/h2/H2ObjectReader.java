package dev.ferry.engine.source.h2;

import dev.ferry.engine.model.Sequence;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.model.View;
import dev.ferry.engine.source.CatalogQuery;
import java.sql.Connection;
import java.util.List;

/**
 * Reads H2's views (INFORMATION_SCHEMA.VIEWS keeps them in H2's own normalized SQL) and sequences
 * (an identity's sequence is not listed there).
 */
final class H2ObjectReader {
    static final String VIEWS = """
            SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS view_name, VIEW_DEFINITION AS definition, REMARKS AS comment
            FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA', 'FERRY_CDC') ORDER BY 1, 2""";

    static final String SEQUENCES = """
            SELECT SEQUENCE_SCHEMA AS schema_name, SEQUENCE_NAME AS name, DATA_TYPE AS type_name, START_VALUE AS start_value,
                   INCREMENT AS increment, MINIMUM_VALUE AS minimum_value, MAXIMUM_VALUE AS maximum_value,
                   CYCLE_OPTION AS cycle_option, CACHE AS cache, BASE_VALUE AS base_value
            FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA <> 'FERRY_CDC' ORDER BY 1, 2""";

    record ViewRow(String schemaName, String viewName, String definition, String comment) {
    }

    record SequenceRow(String schemaName, String name, String typeName, long startValue, long increment, long minimumValue,
                       long maximumValue, String cycleOption, Long cache, Long baseValue) {
    }

    private final Connection connection;

    H2ObjectReader(Connection connection) {
        this.connection = connection;
    }

    List<View> views() {
        return CatalogQuery.list(connection, VIEWS, ViewRow.class).stream().map(v -> new View(
                new TableRef(v.schemaName(), v.viewName()), v.definition(), List.of(), v.comment())).toList();
    }

    /** H2's base value is the next value to hand out: one increment above the last, unless none was handed out. */
    List<Sequence> sequences() {
        return CatalogQuery.list(connection, SEQUENCES, SequenceRow.class).stream().map(s -> new Sequence(
                new TableRef(s.schemaName(), s.name()), s.typeName(), s.startValue(), s.increment(), s.minimumValue(),
                s.maximumValue(), "YES".equals(s.cycleOption()), s.cache(),
                s.baseValue() == null || s.baseValue() == s.startValue() ? null : s.baseValue() - s.increment())).toList();
    }
}
