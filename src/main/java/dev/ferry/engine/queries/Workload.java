package dev.ferry.engine.queries;

import java.util.List;

/** The application's queries, as a workload file lists them (docs/queries.md). */
public record Workload(List<WorkloadQuery> queries) {
    public Workload {
        queries = List.copyOf(queries);
    }

    /** The same queries, each with the budget {@code millis}. */
    public Workload withBudget(long millis) {
        return new Workload(queries.stream().map(q -> q.withBudget(millis)).toList());
    }
}
