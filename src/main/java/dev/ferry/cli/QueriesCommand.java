package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.queries.QueryReport;
import dev.ferry.engine.queries.QueryReportWriter;
import dev.ferry.engine.queries.QueryRunner;
import dev.ferry.engine.queries.QueryStatus;
import dev.ferry.engine.queries.WorkloadLoader;
import dev.ferry.engine.source.JdbcConnector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry queries}: runs the application's queries on both sides, compares their answers and
 * their latency. Exit 0 equal and within budget, 1 an answer differs or a query failed, 3 only
 * budgets missed; otherwise the failure's exit code as for every command.
 */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "Runs a workload of the application's queries on source and target: same answers, and the target's p95 "
                + "within each query's budget. Exit 0 pass, 1 an answer differs or a query failed, 3 only budgets missed.")
final class QueriesCommand implements Callable<Integer> {
    @Mixin
    Endpoints.Source sourceOption;

    @Mixin
    Endpoints.Target targetOption;

    @Option(names = "--workload", required = true, description = "The workload file (YAML, docs/queries.md).")
    Path workload;

    @Option(names = "--runs", defaultValue = "20", description = "Timed runs of each parameter set on each side, after one warm-up "
            + "(default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--report", defaultValue = "queries.json", description = "JSON report file; a .md report is written beside it "
            + "(default ${DEFAULT-VALUE}).")
    Path report;

    @Override
    public Integer call() {
        var queries = WorkloadLoader.load(workload);
        JdbcConnector src = JdbcConnector.source(sourceOption.url);
        JdbcConnector tgt = JdbcConnector.target(targetOption.url);
        QueryReport result;
        try (Connection s = src.open(); Connection t = tgt.open()) {
            result = new QueryRunner(s, t, runs, Console::line).run(queries);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to close the workload's connections", e);
        }
        QueryReportWriter.writeTo(result, report).forEach(p -> Console.line("Wrote " + p));
        Console.line(result.table());
        if (result.verdict() == QueryReport.Verdict.PASS) {
            return 0;
        }
        // the exit code follows from the error code, mapped by FerryCommand as for every failure
        ErrorCode code = result.verdict() == QueryReport.Verdict.DIFFERENT ? ErrorCode.VALIDATION_MISMATCH : ErrorCode.QUERY_BUDGET;
        throw new FerryException(code, "Queries " + result.verdict() + ": " + result.queries().stream()
                .filter(q -> q.status() != QueryStatus.PASS).map(q -> q.name() + " " + q.status()).toList() + " (see " + report + ")");
    }
}
