package dev.ferry.engine.queries;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a workload on both sides: per query, each parameter set once on each side as the warm-up,
 * whose answers are compared; then {@code runs} timed executions of every parameter set, the sides
 * taking turns; then, for a target over its budget, the plan. A query that fails on a side is
 * reported by name and the others still run; a lost connection ends the run.
 */
public final class QueryRunner {
    private final Connection source;
    private final Connection target;
    private final int runs;
    private final Consumer<String> log;

    /** @param runs timed executions of each parameter set on each side (at least 1) */
    public QueryRunner(Connection source, Connection target, int runs, Consumer<String> log) {
        if (runs < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run the workload: runs must be at least 1, not " + runs);
        }
        this.source = source;
        this.target = target;
        this.runs = runs;
        this.log = log;
    }

    public QueryReport run(Workload workload) {
        long started = System.nanoTime();
        List<QueryOutcome> out = new ArrayList<>();
        for (WorkloadQuery q : workload.queries()) {
            QueryOutcome o = run(q);
            log.accept("Query " + q.name() + ": " + o.status() + (o.status() == QueryStatus.PASS ? "" : " - " + o.detail()));
            out.add(o);
        }
        return new QueryReport(runs, Math.round((System.nanoTime() - started) / 1e7) / 100.0, out);
    }

    QueryOutcome run(WorkloadQuery q) {
        Optional<ResultDifference> difference;
        long[] rows = {0};
        try {
            difference = compare(q, rows);
        } catch (SideFailure f) {
            return new QueryOutcome(q.name(), QueryStatus.FAILED, q.budgetMillis(), q.parameterSets().size(), 0, null, null, null,
                    f.getMessage(), null);
        }
        List<Long> s = new ArrayList<>();
        List<Long> t = new ArrayList<>();
        try {
            for (int r = 0; r < runs; r++) {
                for (List<Object> params : q.parameterSets()) {
                    s.add(side("source", q.name(), () -> QueryExecutor.time(source, q.sourceSql(), params)));
                    t.add(side("target", q.name(), () -> QueryExecutor.time(target, q.targetSql(), params)));
                }
            }
        } catch (SideFailure f) {
            return new QueryOutcome(q.name(), QueryStatus.FAILED, q.budgetMillis(), q.parameterSets().size(), 0, null, null, null,
                    f.getMessage(), null);
        }
        LatencyStats sourceStats = LatencyStats.of(s);
        LatencyStats targetStats = LatencyStats.of(t);
        boolean over = targetStats.p95Millis() > q.budgetMillis();
        ExplainSummary plan = over && difference.isEmpty() ? explain(q) : null;
        QueryStatus status = difference.isPresent() ? QueryStatus.DIFFERENT : over ? QueryStatus.OVER_BUDGET : QueryStatus.PASS;
        return new QueryOutcome(q.name(), status, q.budgetMillis(), q.parameterSets().size(), rows[0], sourceStats, targetStats,
                difference.orElse(null), null, plan);
    }

    private Optional<ResultDifference> compare(WorkloadQuery q, long[] rows) {
        for (int i = 0; i < q.parameterSets().size(); i++) {
            List<Object> params = q.parameterSets().get(i);
            QueryExecutor.Read t = side("target", q.name(), () -> QueryExecutor.readTarget(target, q.targetSql(), params));
            QueryResult s = side("source", q.name(), () -> QueryExecutor.readSource(source, q.sourceSql(), params, t.types()));
            rows[0] += t.result().rows().size();
            Optional<ResultDifference> d = ResultComparer.compare(s, t.result(), q.ordered());
            if (d.isPresent()) {
                String set = q.parameterSets().size() > 1 || !params.isEmpty() ? "parameters " + params + ": " : "";
                return Optional.of(new ResultDifference(set + d.get().what(), d.get().sourceRow(), d.get().targetRow()));
            }
        }
        return Optional.empty();
    }

    private ExplainSummary explain(WorkloadQuery q) {
        try {
            return ExplainAnalyzer.explain(target, q.targetSql(), q.parameterSets().get(0));
        } catch (SQLException e) {
            log.accept("Query " + q.name() + ": EXPLAIN failed: " + e.getMessage());
            return null;
        }
    }

    /** Executes each parameter set of {@code q} once on {@code c} with its target text; nanoseconds per execution. */
    public static List<Long> timeTarget(Connection c, WorkloadQuery q) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (List<Object> params : q.parameterSets()) {
            out.add(QueryExecutor.time(c, q.targetSql(), params));
        }
        return out;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws SQLException;
    }

    private static <T> T side(String side, String query, Step<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to run query '" + query + "' on the " + side, e);
            }
            throw new SideFailure(side + ": " + e.getMessage() + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"));
        }
    }

    /** A query that failed on one side: reported for that query, the workload goes on. */
    private static final class SideFailure extends RuntimeException {
        SideFailure(String message) {
            super(message, null, false, false);
        }
    }
}
