package dev.ferry.cli;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.plan.PlanWriter;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.report.HtmlReportWriter;
import dev.ferry.engine.report.MigrationReport;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.verify.ValidationWriter;
import dev.ferry.engine.workflow.MigrationOptions;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.engine.workflow.RunReportWriter;
import dev.ferry.engine.workflow.ValidationRunner;
import dev.ferry.sample.SampleDataGenerator;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.sample.SampleWorkload;
import dev.ferry.engine.queries.QueryReport;
import dev.ferry.engine.queries.QueryReportWriter;
import dev.ferry.engine.queries.QueryRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry demo}: the whole job on embedded databases. An H2 database in SQL Server mode holds
 * the Kitchen Pantry CRM sample and a demo application keeps writing to it; an embedded PostgreSQL
 * 16 is the target. Ferry captures changes, plans, copies, creates the post-data objects, syncs,
 * cuts over with a health window (routing in a file), and validates every row after the switch,
 * then runs the CRM's dashboard and list queries on both sides and prints their answers' parity and latency.
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

    @Option(names = "--window", defaultValue = "3s", description = "The cutover's health window (default ${DEFAULT-VALUE}).")
    String window;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
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

            DemoCutover cutover = new DemoCutover(sourceUrl, targetUrl);
            cutover.startCaptureAndWriter();
            // validated after the cutover, when the source is frozen: before it, the application is still writing
            MigrationOptions options = MigrationOptions.defaults().withChunkRows(Math.max(100, data.totalRows() / 20)).withValidate(false);
            MigrationRunner.Result result = new MigrationRunner(new JdbcConnector("source", sourceUrl, null),
                    new JdbcConnector("target", targetUrl, null), MigrationConfig.defaults(), options,
                    new LogProgress(System.out, 1_000), Console::line).run();
            PlanWriter.write(result.plan(), out).forEach(p -> Console.line("Wrote " + p));
            RunReportWriter.write(result.report(), out).forEach(p -> Console.line("Wrote " + p));
            PlanCommand.printSummary(result.plan());
            Console.line(result.report().summary());
            if (!result.succeeded()) {
                Console.line("Demo copy did not finish: see " + out.resolve("report.md"));
                return dev.ferry.engine.ErrorCode.COPY.exitCode();
            }
            CutoverResult switched = cutover.cutOver(result.plan().schema(), MigrationConfig.defaults(), out, CutoverCommand.parse(window));
            ValidationReport after = ValidationRunner.run(new JdbcConnector("source", sourceUrl, null),
                    new JdbcConnector("target", targetUrl, null), MigrationConfig.defaults(),
                    ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()), List.of());
            ValidationWriter.write(after, out).forEach(p -> Console.line("Wrote " + p));
            Console.line("After the cutover: " + after.summary());
            QueryReport queries = runWorkload(sourceUrl, targetUrl);
            Console.line("Wrote " + HtmlReportWriter.write(new MigrationReport("ferry demo", java.time.Instant.now(),
                    (System.nanoTime() - started) / 1e9, result.report(), after, switched, result.plan().assessment()),
                    out.resolve("report.html")));
            boolean done = switched.outcome() == CutoverResult.COMPLETED && after.parity()
                    && queries.verdict() != QueryReport.Verdict.DIFFERENT;
            Console.line(done ? "Demo complete: every row of every table, and every write made during the migration, arrived "
                    + "and was proven equal." : "Demo did not complete: cutover " + switched.outcome() + " (" + switched.reason() + ")");
            return done ? 0 : dev.ferry.engine.ErrorCode.CUTOVER.exitCode();
        }
    }

    /** The CRM's dashboard and list queries on both sides (a few runs each: the demo stays short), printed as a table. */
    private QueryReport runWorkload(String sourceUrl, String targetUrl) throws java.sql.SQLException {
        try (Connection s = DriverManager.getConnection(sourceUrl); Connection t = DriverManager.getConnection(targetUrl)) {
            QueryReport report = new QueryRunner(s, t, 5, line -> { }).run(SampleWorkload.load());
            QueryReportWriter.writeTo(report, out.resolve("queries.json")).forEach(p -> Console.line("Wrote " + p));
            Console.line("The application's queries, source (H2) and target (PostgreSQL):");
            Console.line(report.table());
            return report;
        }
    }
}
