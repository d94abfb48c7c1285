package dev.ferry.engine.cutover;

import dev.ferry.engine.queries.LatencyStats;
import dev.ferry.engine.queries.QueryRunner;
import dev.ferry.engine.queries.Workload;
import dev.ferry.engine.queries.WorkloadQuery;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The application's own queries as a health probe: each round runs every query of the workload
 * once per parameter set on the target; the probe fails when a query fails, or when a query's p95
 * over its last {@value #WINDOW} executions is over its budget (judged from its
 * {@value #MIN_SAMPLES}th execution on, so one cold execution does not fail the window).
 */
public final class WorkloadProbe implements HealthProbe {
    /** Executions per query the p95 is taken over. */
    public static final int WINDOW = 20;
    /** Executions per query before its p95 is judged. */
    public static final int MIN_SAMPLES = 3;
    private final Supplier<Connection> target;
    private final Workload workload;
    private final Map<String, Deque<Long>> samples = new HashMap<>();

    public WorkloadProbe(Supplier<Connection> target, Workload workload) {
        this.target = target;
        this.workload = workload;
    }

    @Override
    public Result probe() {
        long started = System.nanoTime();
        List<String> over = new ArrayList<>();
        try (Connection c = target.get()) {
            for (WorkloadQuery q : workload.queries()) {
                String name = q.name();
                try {
                    record(q, QueryRunner.timeTarget(c, q)).ifPresent(over::add);
                } catch (java.sql.SQLException e) {
                    return result(false, started, "query " + name + " failed: " + e.getMessage());
                }
            }
        } catch (Exception e) {
            return result(false, started, e.getMessage());
        }
        return over.isEmpty() ? result(true, started, "ok") : result(false, started, String.join("; ", over));
    }

    private java.util.Optional<String> record(WorkloadQuery q, List<Long> nanos) {
        Deque<Long> d = samples.computeIfAbsent(q.name(), k -> new ArrayDeque<>());
        for (long n : nanos) {
            d.addLast(n);
            if (d.size() > WINDOW) {
                d.removeFirst();
            }
        }
        if (d.size() < MIN_SAMPLES) {
            return java.util.Optional.empty();
        }
        double p95 = LatencyStats.of(List.copyOf(d)).p95Millis();
        return p95 > q.budgetMillis() ? java.util.Optional.of("query " + q.name() + " p95 " + p95 + " ms is over its budget of "
                + q.budgetMillis() + " ms") : java.util.Optional.empty();
    }

    private static Result result(boolean ok, long started, String message) {
        return new Result("workload", ok, (System.nanoTime() - started) / 1_000_000, message);
    }
}
