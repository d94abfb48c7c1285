package dev.ferry.engine.queries;

import java.util.List;

/**
 * One side's answer to a query: its column names and its rows, every value normalized as
 * validation normalizes it ({@link dev.ferry.engine.verify.ValueNormalizer}), NULL as null.
 */
public record QueryResult(List<String> columns, List<List<String>> rows) {
}
