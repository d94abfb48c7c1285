package dev.ferry.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.durabletask.TaskOrchestrationContext;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.workflow.RunPhase;
import dev.ferry.engine.workflow.WorkflowStatus;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/** Metrics come from activities and from orchestrator executions that are not replays. */
class TelemetryTest {
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final Telemetry telemetry = new Telemetry(OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build());

    private long sum(Collection<MetricData> all, String name) {
        return all.stream().filter(m -> m.getName().equals(name)).flatMap(m -> m.getLongSumData().getPoints().stream())
                .mapToLong(p -> p.getValue()).sum();
    }

    @Test
    void phaseChangesAreCountedOnlyWhenNotReplaying() {
        TaskOrchestrationContext ctx = mock(TaskOrchestrationContext.class);
        DurableWorkflowPort port = new DurableWorkflowPort(ctx, null, telemetry);
        WorkflowStatus copying = new WorkflowStatus("run", RunPhase.COPYING, 0, 1, 0, 1, null);
        when(ctx.getIsReplaying()).thenReturn(true);
        port.setStatus(copying);
        assertThat(sum(reader.collectAllMetrics(), "ferry.run.phase")).isZero();
        when(ctx.getIsReplaying()).thenReturn(false);
        port.setStatus(copying);
        assertThat(sum(reader.collectAllMetrics(), "ferry.run.phase")).isEqualTo(1);
    }

    @Test
    void copyProgressBecomesRowsDurationsAndRetries() {
        TelemetryProgress progress = new TelemetryProgress(telemetry);
        TableRef t = new TableRef("dbo", "Account");
        progress.chunkCopied(t, 500, 10_000, 0.25);
        progress.chunkCopied(t, 300, 6_000, 0.15);
        progress.retrying(t, 2, "connection reset");
        Collection<MetricData> all = reader.collectAllMetrics();
        assertThat(sum(all, "ferry.rows.copied")).isEqualTo(800);
        assertThat(sum(all, "ferry.chunk.retries")).isEqualTo(1);
        assertThat(all.stream().filter(m -> m.getName().equals("ferry.chunk.duration"))
                .flatMap(m -> m.getHistogramData().getPoints().stream()).mapToLong(p -> p.getCount()).sum()).isEqualTo(2);
    }

    @Test
    void aCutoverRecordsItsDowntimeAndOutcome() {
        telemetry.downtime(180);
        telemetry.downtime(260);
        telemetry.cutover(new dev.ferry.engine.cutover.CutoverResult(dev.ferry.engine.cutover.CutoverResult.ROLLED_BACK, "probe failed",
                260, 900, 3, java.util.List.of()));
        Collection<MetricData> all = reader.collectAllMetrics();
        var downtime = all.stream().filter(m -> m.getName().equals("ferry.cutover.downtime"))
                .flatMap(m -> m.getHistogramData().getPoints().stream()).toList();
        assertThat(downtime).hasSize(1);
        assertThat(downtime.get(0).getCount()).isEqualTo(2);
        assertThat(downtime.get(0).getSum()).isEqualTo(440.0);
        assertThat(downtime.get(0).getMax()).isEqualTo(260.0);
        assertThat(all.stream().filter(m -> m.getName().equals("ferry.cutover.outcomes"))
                .flatMap(m -> m.getLongSumData().getPoints().stream())
                .filter(p -> "ROLLED_BACK".equals(p.getAttributes().get(Telemetry.RESULT))).mapToLong(p -> p.getValue()).sum())
                .isEqualTo(1);
    }
}
