package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.report.HtmlReportWriter;
import dev.ferry.engine.report.MigrationReport;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.verify.ValidationWriter;
import dev.ferry.engine.workflow.ValidationRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry validate}: exit 0 on parity, 1 when a difference is found; when it cannot validate,
 * the failure's own exit code as for every command (2 a bad option or config, 10 a connection, …).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compares source and target: schema parity and every row. Exit 0 parity, 1 mismatch; otherwise the "
                + "failure's exit code (2 configuration, 10 connection, ...).")
final class ValidateCommand implements Callable<Integer> {
    static final int PARITY = 0;

    @Mixin
    Endpoints.Source sourceOption;

    @Mixin
    Endpoints.Target targetOption;

    @Mixin
    Endpoints.Config configOption;

    @Option(names = "--level", defaultValue = "hash", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ValidationLevel level;

    @Option(names = "--tables", split = ",", description = "Only these source tables (comma-separated).")
    List<String> tables = List.of();

    @Option(names = "--report", defaultValue = "validation.json", description = "JSON report file; a .md summary is written beside it (default ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--recheck-after", defaultValue = "0",
            description = "Seconds to wait before rechecking differing rows, for a source still taking writes (default ${DEFAULT-VALUE}: no recheck).")
    long recheckAfter;

    @Option(names = "--parallelism", defaultValue = "4", description = "Tables compared at once (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() {
        MigrationConfig cfg = ConfigLoader.load(configOption.file);
        ValidationOptions options = ValidationOptions.of(level, cfg.values()).withParallelism(parallelism)
                .withRecheckAfter(Duration.ofSeconds(recheckAfter));
        ValidationReport result = ValidationRunner.run(JdbcConnector.source(sourceOption.url), JdbcConnector.target(targetOption.url),
                cfg, options, tables);
        ValidationWriter.writeTo(result, report).forEach(p -> Console.line("Wrote " + p));
        Console.line("Wrote " + HtmlReportWriter.write(new MigrationReport("ferry validate", java.time.Instant.now(), result.seconds(),
                null, result, null, null), HtmlReportWriter.beside(report)));
        Console.line(result.summary());
        return result.parity() ? PARITY : ErrorCode.VALIDATION_MISMATCH.exitCode();
    }
}
