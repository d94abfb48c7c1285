package dev.ferry.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.cutover.CutoverPolicy;
import dev.ferry.engine.cutover.CutoverRequests;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.CutoverRunner;
import dev.ferry.engine.workflow.LocalCutover;
import dev.ferry.engine.cutover.FileRoutingSwitch;
import dev.ferry.engine.cutover.HealthProbe;
import dev.ferry.engine.cutover.HttpProbe;
import dev.ferry.engine.cutover.RoutingSwitch;
import dev.ferry.engine.cutover.SqlProbe;
import dev.ferry.engine.cutover.WorkloadProbe;
import dev.ferry.engine.queries.WorkloadLoader;
import dev.ferry.engine.cutover.WebhookRoutingSwitch;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.source.ChangeCapture;
import dev.ferry.engine.sync.SyncRunner;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry cutover}: freeze, last changes, check, switch routing, health window, automatic
 * rollback; {@code ferry cutover approve} and {@code ferry rollback} act on a running window.
 */
@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = "Switches the application to the target with a health-checked window and automatic rollback "
                + "(with ferry sync capturing changes). 'ferry cutover approve' approves a running window.",
        subcommands = CutoverCommand.Approve.class)
final class CutoverCommand implements Callable<Integer> {
    @Mixin
    Endpoints.SourceAndTargetOfParent sides;

    @Mixin
    Endpoints.Config configOption;

    @Option(names = "--routing-file", description = "File holding the database URL the application uses.")
    Path routingFile;

    @Option(names = "--routing-webhook", description = "Webhook the application exposes: GET current value, PUT new value.")
    URI routingWebhook;

    @Option(names = "--routing-value", description = "The value routing switches to (default: the target URL).")
    String routingValue;

    @Option(names = "--window", defaultValue = "15m", description = "Health window (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--approve-within", description = "Require an approval (ferry cutover approve) within this duration, else roll back.")
    String approveWithin;

    @Option(names = "--probe-url", description = "Application health URLs probed during the window.")
    List<URI> probeUrls = List.of();

    @Option(names = "--report", description = "Write the outcome, reason, downtime and rollback figures as JSON to this file.")
    Path report;

    @Option(names = "--probe-workload", description = "A workload file (docs/queries.md) whose target queries are probed during "
            + "the window: a query failing or over its p95 budget fails the probe.")
    Path probeWorkload;

    @Option(names = "--probe-sql", defaultValue = "SELECT 1", description = "Query probed on the target (default ${DEFAULT-VALUE}).")
    String probeSql;

    /** {@code ferry cutover approve}: approves the window of the cutover running on this target. */
    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve the running cutover's health window.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        Endpoints.Target targetOption;

        @Override
        public Integer call() {
            try (Connection c = JdbcConnector.target(targetOption.url).open()) {
                CutoverRequests.requestOfRunningCutover(c, CutoverRequests.APPROVE);
                Console.line("Approved the running cutover");
                return 0;
            } catch (java.sql.SQLException e) {
                throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to approve", e);
            }
        }
    }

    @Override
    public Integer call() throws java.sql.SQLException {
        sides.required("ferry cutover");
        String source = sides.source;
        String target = sides.target;
        JdbcConnector tgt = JdbcConnector.target(target);
        if ((routingFile == null) == (routingWebhook == null)) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to cut over: give exactly one of --routing-file or --routing-webhook");
        }
        SourceDialect dialect = SourceDialects.forUrl(source);
        ChangeCapture capture = dialect.requireChangeCapture();
        JdbcConnector src = JdbcConnector.source(source);
        MigrationConfig cfg = ConfigLoader.load(configOption.file);
        RoutingSwitch routing = routingFile != null ? new FileRoutingSwitch(routingFile) : new WebhookRoutingSwitch(routingWebhook);
        Duration windowLength = parse(approveWithin != null ? approveWithin : window);
        CutoverPolicy policy = CutoverPolicy.of(cfg.cutover(), windowLength, approveWithin != null);
        // one target connection more: the cutover's lock holds one for the whole run
        try (HikariDataSource sp = src.pool(2); HikariDataSource tp = tgt.pool(3)) {
            Supplier<Connection> s = src.connections(sp);
            Supplier<Connection> t = tgt.connections(tp);
            MigrationPlan plan;
            try (Connection c = s.get()) {
                plan = new Planner(dialect, cfg).plan(c, source);
            }
            try (Connection c = t.get()) {
                CutoverRequests.ensure(c);
                CutoverRequests.clear(c);
            }
            List<HealthProbe> probes = new ArrayList<>();
            probes.add(new SqlProbe(t, probeSql));
            probeUrls.forEach(u -> probes.add(new HttpProbe(u)));
            if (probeWorkload != null) {
                probes.add(new WorkloadProbe(t, WorkloadLoader.load(probeWorkload)));
            }
            SyncRunner sync = new SyncRunner(capture, dialect, plan.schema(), cfg.values(), s, t, SyncCommand.SYNC_ID, 1_000);
            CutoverResult result = new LocalCutover(new CutoverRunner(plan.schema(), dialect, cfg.freeze(), sync, s, t, routing,
                    routingValue != null ? routingValue : target, probes, policy, Console::line))
                    .run(CutoverRequests.poll(t, CutoverRequests.APPROVE), CutoverRequests.poll(t, CutoverRequests.ROLLBACK));
            Console.line(String.format("Cutover %s (%s); writes frozen for %d ms%s", result.outcome(), result.reason(),
                    result.downtimeMillis(), result.outcome() == CutoverResult.ROLLED_BACK
                            ? "; rollback took " + result.rollbackDowntimeMillis() + " ms and brought back " + result.writesBroughtBack()
                            + " writes" : ""));
            if (report != null) {
                Console.line("Wrote " + dev.ferry.engine.cutover.CutoverReportWriter.write(result, report));
                Console.line("Wrote " + dev.ferry.engine.report.HtmlReportWriter.write(new dev.ferry.engine.report.MigrationReport(
                        "ferry cutover", java.time.Instant.now(), -1, null, null, result, plan.assessment()),
                        dev.ferry.engine.report.HtmlReportWriter.beside(report)));
            }
            return result.outcome() == CutoverResult.COMPLETED ? 0 : ErrorCode.CUTOVER.exitCode();
        }
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read duration '" + text + "': use e.g. 90s, 15m or 1h");
        }
    }
}
