package dev.ferry.engine.queries;

import java.util.List;

/**
 * One named query of a workload: the text each side runs (the same text when it is portable),
 * its parameter sets (each bound positionally to the query's {@code ?} markers, never spliced into
 * the text), whether its row order is part of its answer, and the target's p95 latency budget.
 *
 * @param parameterSets each set is one execution's values; a query without parameters has one empty set
 */
public record WorkloadQuery(String name, String sourceSql, String targetSql, List<List<Object>> parameterSets, boolean ordered,
                            long budgetMillis) {
    /** The budget a query has when the workload names none. */
    public static final long DEFAULT_BUDGET_MILLIS = 200;

    public WorkloadQuery {
        parameterSets = parameterSets == null || parameterSets.isEmpty() ? List.of(List.of())
                : parameterSets.stream().map(p -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(p))).toList();
    }

    /** The same query with another budget (a probe or test that asks for a tighter one). */
    public WorkloadQuery withBudget(long millis) {
        return new WorkloadQuery(name, sourceSql, targetSql, parameterSets, ordered, millis);
    }
}
