package dev.ferry.cli;

import dev.ferry.engine.FerryException;
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
import picocli.CommandLine.Option;

/** {@code ferry validate}: exit 0 on parity, 1 when a difference is found, 2 when validation could not run. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compares source and target: schema parity and every row. Exit 0 parity, 1 mismatch, 2 could not validate.")
final class ValidateCommand implements Callable<Integer> {
    static final int PARITY = 0;
    static final int MISMATCH = 1;
    static final int COULD_NOT_VALIDATE = 2;

    @Option(names = "--source", required = true, description = OptionText.SOURCE)
    String source;

    @Option(names = "--target", required = true, description = OptionText.TARGET)
    String target;

    @Option(names = "--config", description = OptionText.CONFIG)
    Path config;

    @Option(names = "--level", defaultValue = "hash", description = "count, hash or diff (default ${DEFAULT-VALUE}).")
    String level;

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
        try {
            ValidationLevel lvl = ValidationLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
            MigrationConfig cfg = ConfigLoader.load(config);
            ValidationOptions options = ValidationOptions.of(lvl, cfg.values()).withParallelism(parallelism)
                    .withRecheckAfter(Duration.ofSeconds(recheckAfter));
            ValidationReport result = ValidationRunner.run(JdbcConnector.source(source), JdbcConnector.target(target), cfg,
                    options, tables);
            ValidationWriter.writeTo(result, report).forEach(p -> Console.line("Wrote " + p));
            Console.line("Wrote " + HtmlReportWriter.write(new MigrationReport("ferry validate", java.time.Instant.now(), result.seconds(),
                    null, result, null, null), HtmlReportWriter.beside(report)));
            Console.line(result.summary());
            return result.parity() ? PARITY : MISMATCH;
        } catch (IllegalArgumentException e) {
            System.err.println("ferry: Unable to validate: --level must be count, hash or diff, was '" + level + "'");
            return COULD_NOT_VALIDATE;
        } catch (FerryException e) {
            System.err.println("ferry: " + e.getMessage());
            return COULD_NOT_VALIDATE;
        }
    }
}
