package dev.ferry.cli;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.plan.PlanWriter;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationWriter;
import dev.ferry.engine.workflow.MigrationOptions;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.engine.workflow.RunReportWriter;
import dev.ferry.sample.SampleDataGenerator;
import dev.ferry.sample.SampleDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry demo}: the whole job on embedded databases. An H2 database in SQL Server mode holds
 * the Kitchen Pantry CRM sample; an embedded PostgreSQL 16 is the target; Ferry plans, copies,
 * creates the post-data objects and validates every row.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs Ferry on the embedded Kitchen Pantry CRM sample (H2 in SQL Server mode -> embedded PostgreSQL).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scale", defaultValue = "200", description = "Organizations in the sample; other tables grow with it (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", defaultValue = "20261124", description = "Seed of the sample data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "ferry-demo", description = "Directory for the plan and reports (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String sourceUrl = SampleDatabase.h2Url("ferry-demo-" + System.nanoTime());
        try (Connection source = DriverManager.getConnection(sourceUrl);
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String targetUrl = postgres.getJdbcUrl("postgres", "postgres");
            Console.line("Started embedded PostgreSQL 16 on port " + postgres.getPort());
            SampleDatabase.createSchema(source);
            SampleDataGenerator data = new SampleDataGenerator(seed, scale);
            data.populate(source);
            Console.line("Built the Kitchen Pantry CRM sample in H2 (SQL Server mode): " + data.totalRows() + " rows in "
                    + data.rowCounts().size() + " tables");

            MigrationOptions options = MigrationOptions.defaults().withChunkRows(Math.max(100, data.totalRows() / 20));
            MigrationRunner.Result result = new MigrationRunner(new JdbcConnector("source", sourceUrl, null),
                    new JdbcConnector("target", targetUrl, null), MigrationConfig.defaults(), options,
                    new LogProgress(System.out, 1_000), Console::line).run();
            PlanWriter.write(result.plan(), out).forEach(p -> Console.line("Wrote " + p));
            RunReportWriter.write(result.report(), out).forEach(p -> Console.line("Wrote " + p));
            ValidationWriter.write(result.validation(), out).forEach(p -> Console.line("Wrote " + p));
            PlanCommand.printSummary(result.plan());
            Console.line(result.report().summary());
            Console.line(result.validation().summary());
            Console.line(result.succeeded() ? "Demo complete: every row of every table arrived and was proven equal."
                    : "Demo found differences: see " + out.resolve("validation.md"));
            return result.succeeded() ? 0 : dev.ferry.engine.ErrorCode.VALIDATION_MISMATCH.exitCode();
        }
    }
}
