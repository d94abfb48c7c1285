package dev.ferry.functions;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.queries.QueryReport;
import dev.ferry.engine.queries.QueryRunner;
import dev.ferry.engine.queries.Workload;
import dev.ferry.engine.queries.WorkloadLoader;
import dev.ferry.engine.source.JdbcConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The nightly timer's second part: when app setting {@value #WORKLOAD} holds a workload (YAML,
 * docs/queries.md), its queries run on both sides; each query's p95 and budget are recorded as
 * metrics, and a query that differs, fails or misses its budget raises an alert.
 */
final class WorkloadCheck {
    static final String WORKLOAD = "FERRY_PARITY_WORKLOAD";
    static final String RUNS = "FERRY_PARITY_WORKLOAD_RUNS";

    private WorkloadCheck() {
    }

    /** Runs the workload when one is configured; empty when none is. */
    static Optional<QueryReport> run(Function<String, String> settings, JdbcConnector source, JdbcConnector target, Telemetry telemetry,
                                     Consumer<String> info, Consumer<String> alert) {
        String yaml = settings.apply(WORKLOAD);
        if (yaml == null || yaml.isBlank()) {
            return Optional.empty();
        }
        Workload workload = WorkloadLoader.parse(yaml, WORKLOAD);
        String runs = settings.apply(RUNS);
        QueryReport report;
        try (Connection s = source.open(); Connection t = target.open()) {
            report = new QueryRunner(s, t, runs == null || runs.isBlank() ? 10 : Integer.parseInt(runs.trim()), line -> { }).run(workload);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to run the nightly workload", e);
        } catch (NumberFormatException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read app setting " + RUNS + ": not a number", e);
        }
        telemetry.queries(report);
        if (report.verdict() == QueryReport.Verdict.PASS) {
            info.accept("Ferry workload check: PASS over " + report.queries().size() + " queries");
        } else {
            alert.accept("Ferry workload check: " + report.verdict() + "\n" + report.table());
        }
        return Optional.of(report);
    }
}
