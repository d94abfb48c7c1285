package dev.ferry.functions.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.functions.host.StagedApp.StagedFunction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The staged app under the Java worker's rules: every function resolves to one public method whose
 * parameters all bind, and no function's return value is dropped on the way to the host — the
 * defect of issue 11, where a bare {@code @CustomBinding} trigger left orchestrators and activities
 * without their results. An IT because it reads what {@code mvn package} staged.
 */
class WorkerRulesIT {
    private final StagedApp app = StagedApp.load();
    private final JavaWorker worker = JavaWorker.staged(StagedApp.DEFAULT_DIR.resolve("ferry.jar"));

    @Test
    void theStagedAppHasEveryFunction() {
        assertThat(app.byTrigger("orchestrationTrigger")).extracting(StagedFunction::name)
                .containsExactlyInAnyOrder("MigrationOrchestrator", "TableCopyOrchestrator");
        assertThat(app.byTrigger("activityTrigger")).hasSize(dev.ferry.engine.workflow.ActivityNames.INPUT_TYPES.size());
        assertThat(app.byTrigger("httpTrigger")).extracting(StagedFunction::name).containsExactlyInAnyOrder("StartMigration",
                "GetMigration", "GetMigrationReport", "StartCutover", "ApproveCutover", "RollbackMigration");
        assertThat(app.byTrigger("timerTrigger")).hasSize(1);
    }

    @Test
    void theWorkerLoadsFerrysClassesFromTheStagedJar() {
        JavaWorker.Resolved r = worker.resolve(app.function("CopyChunk"));
        assertThat(r.method().getDeclaringClass().getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("ferry-migrations/ferry.jar");
    }

    /** Regression test for issue 11: lists every function whose value the worker would not hand to the host. */
    @Test
    void noFunctionLosesItsReturnValueOrABinding() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (StagedFunction f : app.functions()) {
            JavaWorker.Resolved r = worker.resolve(f);
            if (!r.problems().isEmpty()) {
                problems.put(f.name(), r.problems());
            }
        }
        assertThat(problems).as("functions the Java worker would not run as intended").isEmpty();
    }

    /** The Durable extension needs a value from every orchestrator and activity, so their triggers must carry implicit output. */
    @Test
    void everyDurableTriggerCarriesImplicitOutput() {
        for (String trigger : List.of("orchestrationTrigger", "activityTrigger")) {
            for (StagedFunction f : app.byTrigger(trigger)) {
                JavaWorker.Resolved r = worker.resolve(f);
                assertThat(r.implicitOutput()).as(f.name() + " (" + trigger + ") has implicit output").isTrue();
                assertThat(r.returnTransmitted()).as(f.name() + " transmits its return value").isTrue();
            }
        }
        for (StagedFunction f : app.byTrigger("orchestrationTrigger")) {
            assertThat(worker.resolve(f).method().getReturnType()).as(f.name() + " returns the base64 OrchestratorResponse")
                    .isEqualTo(String.class);
        }
    }

    /** HTTP functions answer through their $return http binding; the durable client input has no implicit output. */
    @Test
    void httpFunctionsAnswerThroughTheirReturnBinding() {
        for (StagedFunction f : app.byTrigger("httpTrigger")) {
            assertThat(f.binding(JavaWorker.RETURN)).as(f.name()).hasValueSatisfying(b -> assertThat(b.type()).isEqualTo("http"));
            assertThat(f.binding("client")).as(f.name() + " has a durableClient input")
                    .hasValueSatisfying(b -> assertThat(b.type()).isEqualTo("durableClient"));
            assertThat(worker.resolve(f).implicitOutput()).as(f.name()).isFalse();
        }
    }

    /** The staged app ships Ferry's classes in ferry.jar and each dependency once, under lib/ (issue 11: the shaded jar was staged). */
    @Test
    void theStagedAppShipsEachDependencyOnce() throws Exception {
        java.nio.file.Path dir = StagedApp.DEFAULT_DIR;
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(dir.resolve("ferry.jar").toFile())) {
            List<String> foreign = jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> !n.endsWith("/"))
                    .filter(n -> !n.startsWith("dev/ferry/") && !n.startsWith("META-INF/") && !n.startsWith("sample/") && n.contains("/"))
                    .limit(5).toList();
            assertThat(foreign).as("classes of dependencies inside the staged ferry.jar").isEmpty();
        }
        try (var lib = java.nio.file.Files.list(dir.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("durabletask-client-"))
                    .anyMatch(n -> n.startsWith("postgresql-")).noneMatch(n -> n.startsWith("ferry"));
        }
    }

    /** The worker writes objects with Gson and strings as they are, which is what the host hands the extension. */
    @Test
    void returnedValuesTravelAsTheWorkerTypesThem() {
        record Copied(String table, int chunk, long rows) {
        }
        assertThat(JavaWorker.typed(new Copied("dbo.Account", 3, 10))).isEqualTo(
                new JavaWorker.Output(JavaWorker.Output.Kind.JSON, "{\"table\":\"dbo.Account\",\"chunk\":3,\"rows\":10}"));
        assertThat(JavaWorker.typed("CgR0ZXN0").kind()).isEqualTo(JavaWorker.Output.Kind.STRING);
        assertThat(JavaWorker.typed(7L).kind()).isEqualTo(JavaWorker.Output.Kind.INT);
        assertThat(JavaWorker.typed(null)).isEqualTo(new JavaWorker.Output(JavaWorker.Output.Kind.JSON, "null"));
    }
}
