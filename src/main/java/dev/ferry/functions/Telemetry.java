package dev.ferry.functions;

import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.WorkflowStatus;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;

/**
 * Ferry's metrics through the OpenTelemetry API; in Azure the Application Insights Java agent that
 * the Functions host provides exports them as custom metrics (without an agent the API does
 * nothing). Recorded from activities and triggers, never from a replaying orchestrator.
 */
public final class Telemetry {
    static final AttributeKey<String> TABLE = AttributeKey.stringKey("ferry.table");
    static final AttributeKey<String> PHASE = AttributeKey.stringKey("ferry.phase");
    static final AttributeKey<String> RESULT = AttributeKey.stringKey("ferry.result");
    static final AttributeKey<String> QUERY = AttributeKey.stringKey("ferry.query");
    static final AttributeKey<String> SIDE = AttributeKey.stringKey("ferry.side");

    private final LongCounter rows;
    private final DoubleHistogram chunkSeconds;
    private final LongCounter retries;
    private final LongCounter phases;
    private final LongCounter mismatches;
    private final LongCounter parity;
    private final LongHistogram downtime;
    private final LongCounter cutovers;
    private final DoubleHistogram queryP95;
    private final DoubleHistogram queryBudget;
    private final LongCounter queryChecks;

    public Telemetry(OpenTelemetry otel) {
        Meter m = otel.getMeter("dev.ferry");
        rows = m.counterBuilder("ferry.rows.copied").setUnit("{row}").setDescription("Rows copied to the target").build();
        chunkSeconds = m.histogramBuilder("ferry.chunk.duration").setUnit("s").setDescription("Time to copy one chunk").build();
        retries = m.counterBuilder("ferry.chunk.retries").setDescription("Chunk attempts retried after a transient failure").build();
        phases = m.counterBuilder("ferry.run.phase").setDescription("Phase changes of migration runs").build();
        mismatches = m.counterBuilder("ferry.validation.mismatches").setDescription("Tables found different by validation").build();
        parity = m.counterBuilder("ferry.parity.checks").setDescription("Nightly parity checks by result").build();
        downtime = m.histogramBuilder("ferry.cutover.downtime").ofLongs().setUnit("ms")
                .setDescription("Write freeze to the target serving, per cutover").build();
        cutovers = m.counterBuilder("ferry.cutover.outcomes").setDescription("Cutovers by outcome").build();
        queryP95 = m.histogramBuilder("ferry.query.p95").setUnit("ms").setDescription("A workload query's p95 latency, per side").build();
        queryBudget = m.histogramBuilder("ferry.query.budget").setUnit("ms").setDescription("A workload query's p95 budget").build();
        queryChecks = m.counterBuilder("ferry.query.checks").setDescription("Workload queries checked, by query and status").build();
    }

    public static Telemetry global() {
        return new Telemetry(GlobalOpenTelemetry.get());
    }

    void chunk(TableRef table, long copied, double seconds) {
        Attributes a = Attributes.of(TABLE, table.toString());
        rows.add(copied, a);
        chunkSeconds.record(seconds, a);
    }

    void retry(TableRef table) {
        retries.add(1, Attributes.of(TABLE, table.toString()));
    }

    void phase(WorkflowStatus status) {
        phases.add(1, Attributes.of(PHASE, status.phase().name()));
    }

    void table(ValidationReport.TableResult result) {
        if (!result.equal()) {
            mismatches.add(1, Attributes.of(TABLE, result.source()));
        }
    }

    /** The downtime of a switch, recorded by the activity that measured it. */
    void downtime(long millis) {
        downtime.record(millis);
    }

    /** How a cutover ended (COMPLETED, ROLLED_BACK, ABORTED). */
    void cutover(dev.ferry.engine.cutover.CutoverResult result) {
        cutovers.add(1, Attributes.of(RESULT, result.outcome().name()));
    }

    /** Each query's p95 per side (one point per run), its budget, and its status (PASS, OVER_BUDGET, DIFFERENT, FAILED). */
    void queries(dev.ferry.engine.queries.QueryReport report) {
        for (dev.ferry.engine.queries.QueryOutcome q : report.queries()) {
            if (q.target() != null) {
                queryP95.record(q.source().p95Millis(), Attributes.of(QUERY, q.name(), SIDE, "source"));
                queryP95.record(q.target().p95Millis(), Attributes.of(QUERY, q.name(), SIDE, "target"));
            }
            queryBudget.record(q.budgetMillis(), Attributes.of(QUERY, q.name()));
            queryChecks.add(1, Attributes.of(QUERY, q.name(), RESULT, q.status().name()));
        }
    }

    void parity(ValidationReport report) {
        parity.add(1, Attributes.of(RESULT, report.result().name()));
        report.tables().forEach(this::table);
    }
}
