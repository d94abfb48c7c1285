package dev.ferry.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.protobuf.StringValue;
import com.microsoft.durabletask.JacksonDataConverter;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationState;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.MigrationWorkflow;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.RunStarted;
import dev.ferry.engine.workflow.WorkflowMessages.TableCopyTask;
import dev.ferry.engine.workflow.RunPhase;
import dev.ferry.engine.workflow.WorkflowStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Durable payloads of a 10 000-chunk run (200 tables of 50 chunks), serialized as they travel: activity
 * results by the worker's Gson, orchestration inputs and outputs by durabletask's Jackson converter. The
 * status API reads input, output and custom status in one gRPC message, 4 MB at most by default.
 */
class PayloadSizeTest {
    private static final int GRPC_DEFAULT_MAX = 4 * 1024 * 1024;
    private static final JacksonDataConverter JACKSON = new JacksonDataConverter();
    private static final Gson GSON = new Gson();
    private static final String RUN = UUID.randomUUID().toString();
    private static final MigrationRequest REQUEST = new MigrationRequest(
            "jdbc:sqlserver://crm-sql.database.windows.net;databaseName=kitchen_pantry_crm;authentication=ActiveDirectoryManagedIdentity",
            "jdbc:postgresql://crm-pg.postgres.database.azure.com/kitchen_pantry_crm?user=ferry&sslmode=require", null, 8, 100_000, true);

    private static String table(int t) {
        return "dbo.CustomerOrderLineHistory" + t;
    }

    private static RunStarted started(int tables, int chunksPerTable) {
        List<ChunkTask> pending = IntStream.range(0, tables).boxed().flatMap(t -> IntStream.range(0, chunksPerTable)
                .mapToObj(c -> new ChunkTask(RUN, table(t), c, 100_000))).toList();
        return new RunStarted(RUN, false, pending, 0, pending.size() * 100_000L, pending.size(),
                IntStream.range(0, tables).mapToObj(PayloadSizeTest::table).toList());
    }

    private static MigrationWorkflow.Outcome outcome(RunStarted run) {
        List<ValidationReport.TableResult> tables = run.tables().stream().map(t -> new ValidationReport.TableResult(t,
                t.replace("dbo.", "public."), ValidationReport.TableStatus.EQUAL, 5_000_000, 5_000_000, 1024, 0, 0, 0, 0, 0, false, List.of(), List.of())).toList();
        ValidationReport report = new ValidationReport("hash", ValidationReport.Verdict.PARITY, 812.5,
                new ValidationReport.SchemaResult(List.of(), Map.of("tables", "200 of 200", "indexes", "640 of 640")), tables);
        return new MigrationWorkflow.Outcome(run, run.rowsPlanned(), report, true);
    }

    @Test
    void theLargestActivityResultIsStartRunsChunkListAndStaysUnderAMegabyteAndAHalf() {
        String startRun = GSON.toJson(started(200, 50));
        System.out.printf("StartRun result for 10 000 chunks: %,d bytes%n", startRun.length());
        assertThat(startRun.length()).isBetween(500_000, 1_500_000);
        String tableInput = JACKSON.serialize(new ActivityEnvelope(REQUEST, new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(new TableCopyTask(RUN, table(0), started(1, 10_000).pending()))));
        System.out.printf("one table's sub-orchestration input with all 10 000 chunks: %,d bytes%n", tableInput.length());
        assertThat(tableInput.length()).isLessThan(1_500_000);
    }

    @Test
    void theOrchestrationOutputLeavesTheChunkListOutAndDoesNotGrowWithChunks() {
        String tenThousand = JACKSON.serialize(MigrationOrchestrator.RunResult.of(outcome(started(200, 50)), null));
        String twoHundred = JACKSON.serialize(MigrationOrchestrator.RunResult.of(outcome(started(200, 1)), null));
        System.out.printf("orchestration output, 200 tables, 10 000 chunks: %,d bytes%n", tenThousand.length());
        // only the counts' digits differ
        assertThat(tenThousand.length()).isCloseTo(twoHundred.length(), org.assertj.core.data.Offset.offset(20)).isLessThan(100_000);
        String withList = JACKSON.serialize(new MigrationOrchestrator.RunResult(outcome(started(200, 50)), null));
        assertThat(withList.length()).as("what the output was before issue 11").isGreaterThan(10 * tenThousand.length());
    }

    @Test
    void theStatusApisGrpcMessageStaysFarBelowTheDefaultLimit() {
        String output = JACKSON.serialize(MigrationOrchestrator.RunResult.of(outcome(started(200, 50)), null));
        String status = JACKSON.serialize(new WorkflowStatus(RUN, RunPhase.DONE, 10_000, 10_000, 1_000_000_000L, 1_000_000_000L, ValidationReport.Verdict.PARITY));
        GetInstanceResponse response = GetInstanceResponse.newBuilder().setExists(true).setOrchestrationState(OrchestrationState.newBuilder()
                .setInstanceId("ferry-0123456789abcdef-" + RUN).setName(FunctionNames.ORCHESTRATOR).setInput(StringValue.of(JACKSON.serialize(REQUEST)))
                .setOutput(StringValue.of(output)).setCustomStatus(StringValue.of(status))).build();
        System.out.printf("GetInstance response of the status API: %,d bytes%n", response.getSerializedSize());
        assertThat(response.getSerializedSize()).isLessThan(GRPC_DEFAULT_MAX / 20);
    }
}
