package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.report.HtmlReportWriter;
import dev.ferry.engine.report.MigrationReport;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.verify.ValidationWriter;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.plan.PlanWriter;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.workflow.MigrationOptions;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.engine.workflow.RunReportWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry migrate}: plan, pre-data, parallel copy, post-data and validation, resumable. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrates schema and data from the source to the target PostgreSQL; re-running resumes an unfinished run.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    Endpoints.Source sourceOption;

    @Mixin
    Endpoints.Target targetOption;

    @Mixin
    Endpoints.Config configOption;

    @Option(names = "--workers", defaultValue = "" + MigrationOptions.DEFAULT_WORKERS, description = "Chunks copied at once (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--chunk-rows", defaultValue = "" + MigrationOptions.DEFAULT_CHUNK_ROWS, description = "Rows per chunk (default ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--fetch-size", defaultValue = "5000", description = "Rows fetched from the source per round trip (default ${DEFAULT-VALUE}).")
    int fetchSize;

    @Option(names = "--max-target-connections", defaultValue = "10",
            description = "Most connections opened to the target, the run lock included (default ${DEFAULT-VALUE}).")
    int maxTargetConnections;

    @Option(names = "--resume", description = "Resume the unfinished run of this source on this target (re-running does so too).")
    boolean resume;

    @Option(names = "--copy-mode", defaultValue = "auto",
            description = "auto: PostgreSQL sources pass rows through in binary when types are unchanged; rows: always decode and re-encode (default ${DEFAULT-VALUE}).")
    String copyMode;

    @Option(names = "--no-validate", description = "Skip the validation at the end.")
    boolean noValidate;

    @Option(names = "--out", defaultValue = "ferry-run", description = "Directory for the plan and the report (default ${DEFAULT-VALUE}).")
    Path out;

    private static boolean copyMode(String mode) {
        return switch (mode) {
            case "auto" -> false;
            case "rows" -> true;
            default -> throw new dev.ferry.engine.FerryException(dev.ferry.engine.ErrorCode.CONFIGURATION,
                    "Unable to use --copy-mode '" + mode + "': choose auto or rows");
        };
    }

    @Override
    public Integer call() {
        MigrationOptions options = new MigrationOptions(workers, chunkRows, fetchSize, maxTargetConnections, 5, resume, !noValidate,
                copyMode(copyMode));
        CopyProgress progress = System.console() != null ? new TerminalProgress() : new LogProgress(System.out, 5_000);
        long started = System.nanoTime();
        MigrationRunner.Result result = new MigrationRunner(JdbcConnector.source(sourceOption.url), JdbcConnector.target(targetOption.url),
                ConfigLoader.load(configOption.file), options, progress, Console::line).run();
        PlanWriter.write(result.plan(), out);
        RunReportWriter.write(result.report(), out).forEach(p -> Console.line("Wrote " + p));
        Console.line(result.report().summary());
        if (result.validation() != null) {
            ValidationWriter.write(result.validation(), out).forEach(p -> Console.line("Wrote " + p));
            Console.line(result.validation().summary());
        }
        Console.line("Wrote " + HtmlReportWriter.write(new MigrationReport("ferry migrate", java.time.Instant.now(),
                (System.nanoTime() - started) / 1e9, result.report(), result.validation(), null, result.plan().assessment()),
                out.resolve("report.html")));
        if (!result.succeeded()) {
            Console.line("Migration " + result.runId() + " copied the data, but the validation found differences: not done.");
            return ErrorCode.VALIDATION_MISMATCH.exitCode();
        }
        Console.line("Migration " + result.runId() + (result.resumed() ? " (resumed)" : "") + " finished.");
        return 0;
    }
}
