package dev.ferry.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.sync.ChangeCapture;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry sync capture|start|status|stop}: change capture on the source and the continuous
 * sync of captured changes to the target. Capture must be on before {@code ferry migrate} starts
 * copying, so no change made during the copy is missed.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "capture: start capturing source changes (before migrate); start: apply them continuously; "
                + "status: position and lag; stop: stop a running sync (--remove also drops the capture).")
final class SyncCommand implements Callable<Integer> {
    static final String SYNC_ID = SyncState.DEFAULT_ID;

    @Parameters(index = "0", description = "capture, start, status or stop")
    String action;

    @Option(names = "--source", required = true, description = OptionText.SOURCE)
    String source;

    @Option(names = "--target", required = true, description = OptionText.TARGET)
    String target;

    @Option(names = "--config", description = OptionText.CONFIG)
    Path config;

    @Option(names = "--interval", defaultValue = "5", description = "Seconds between sync rounds (default ${DEFAULT-VALUE}).")
    long interval;

    @Option(names = "--remove", description = "With stop: also remove the change capture from the source.")
    boolean remove;

    @Override
    public Integer call() throws Exception {
        SourceDialect dialect = SourceDialects.forUrl(source);
        ChangeCapture capture = capture(dialect);
        JdbcConnector src = JdbcConnector.source(source);
        JdbcConnector tgt = JdbcConnector.target(target);
        switch (action) {
            case "capture" -> {
                try (Connection s = src.open(); Connection t = tgt.open()) {
                    long position = SyncRunner.startCapture(capture, s, t, dialect.introspect(s).tables(), SYNC_ID);
                    Console.line("Capturing changes from position " + position
                            + "; run ferry migrate, then ferry sync start");
                }
            }
            case "start" -> {
                MigrationConfig cfg = ConfigLoader.load(config);
                try (HikariDataSource sp = src.pool(2); HikariDataSource tp = tgt.pool(2)) {
                    Supplier<Connection> s = src.connections(sp);
                    Supplier<Connection> t = tgt.connections(tp);
                    MigrationPlan plan;
                    try (Connection c = s.get()) {
                        plan = new Planner(dialect, cfg).plan(c, source);
                    }
                    try (Connection c = t.get()) {
                        SyncState.requestStop(c, SYNC_ID, false);
                    }
                    SyncRunner runner = new SyncRunner(capture, dialect, plan.schema(), cfg.values(), s, t, SYNC_ID, 1_000);
                    Console.line("Syncing every " + interval + " s; stop with: ferry sync stop");
                    runner.loop(Duration.ofSeconds(interval), () -> false, lag -> Console.line(String.format(
                            "sync: %d changes pending, oldest %.1f s", lag.pending(), lag.seconds())));
                    Console.line("Sync stopped at position " + runner.position());
                }
            }
            case "status" -> {
                try (Connection s = src.open(); Connection t = tgt.open()) {
                    long position = SyncState.position(t, SYNC_ID).orElseThrow(() -> new FerryException(ErrorCode.CONFIGURATION,
                            "Unable to report: no sync on this target; start with ferry sync capture"));
                    ChangeCapture.Lag lag = capture.lag(s, position);
                    Console.line(String.format("position %d, %d changes pending, oldest %.1f s", position, lag.pending(), lag.seconds()));
                }
            }
            case "stop" -> {
                try (Connection s = src.open(); Connection t = tgt.open()) {
                    SyncState.requestStop(t, SYNC_ID, true);
                    if (remove) {
                        capture.remove(s);
                        Console.line("Asked the sync to stop and removed the capture from the source");
                    } else {
                        Console.line("Asked the sync to stop");
                    }
                }
            }
            default -> throw new FerryException(ErrorCode.CONFIGURATION, "Unable to sync: unknown action '" + action
                    + "'; use capture, start, status or stop");
        }
        return 0;
    }

    static ChangeCapture capture(SourceDialect dialect) {
        return dialect.requireChangeCapture();
    }
}
