package dev.ferry.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.source.ChangeCapture;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry sync capture|start|status|stop}: change capture on the source and the continuous
 * sync of captured changes to the target. Capture must be on before {@code ferry migrate} starts
 * copying, so no change made during the copy is missed.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Change capture on the source and the continuous sync to the target.",
        subcommands = {SyncCommand.Capture.class, SyncCommand.Start.class, SyncCommand.Status.class, SyncCommand.Stop.class})
final class SyncCommand {
    static final String SYNC_ID = SyncState.DEFAULT_ID;

    /** The databases every sync action works on. */
    static final class Sides {
        @Mixin
        Endpoints.Source sourceOption;

        @Mixin
        Endpoints.Target targetOption;

        SourceDialect dialect() {
            return SourceDialects.forUrl(sourceOption.url);
        }

        JdbcConnector source() {
            return JdbcConnector.source(sourceOption.url);
        }

        JdbcConnector target() {
            return JdbcConnector.target(targetOption.url);
        }
    }

    /** The tables the migration of {@code config} plans from the source: the ones change capture covers. */
    static MigrationPlan plan(Sides sides, Endpoints.Config config, Connection source) throws Exception {
        return plan(sides, ConfigLoader.load(config.file), source);
    }

    static MigrationPlan plan(Sides sides, MigrationConfig config, Connection source) throws Exception {
        return new Planner(sides.dialect(), config).plan(source, sides.sourceOption.url);
    }

    @Command(name = "capture", mixinStandardHelpOptions = true, description = "Start capturing source changes (before ferry migrate).")
    static final class Capture implements Callable<Integer> {
        @Mixin
        Sides sides;

        @Mixin
        Endpoints.Config configOption;

        @Override
        public Integer call() throws Exception {
            SourceDialect dialect = sides.dialect();
            try (Connection s = sides.source().open(); Connection t = sides.target().open()) {
                // the planned tables only: a table the config excludes is not tracked (issue 14.7)
                List<Table> tables = SyncRunner.migratedTables(plan(sides, configOption, s).schema());
                long position = SyncRunner.startCapture(dialect.requireChangeCapture(), s, t, tables, SYNC_ID);
                Console.line("Capturing changes from position " + position + "; run ferry migrate, then ferry sync start");
            }
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Apply captured changes continuously, until ferry sync stop.")
    static final class Start implements Callable<Integer> {
        @Mixin
        Sides sides;

        @Mixin
        Endpoints.Config configOption;

        @Option(names = "--interval", defaultValue = "5", description = "Seconds between sync rounds (default ${DEFAULT-VALUE}).")
        long interval;

        @Override
        public Integer call() throws Exception {
            SourceDialect dialect = sides.dialect();
            MigrationConfig cfg = ConfigLoader.load(configOption.file);
            JdbcConnector src = sides.source();
            JdbcConnector tgt = sides.target();
            try (HikariDataSource sp = src.pool(2); HikariDataSource tp = tgt.pool(2)) {
                Supplier<Connection> s = src.connections(sp);
                Supplier<Connection> t = tgt.connections(tp);
                MigrationPlan plan;
                try (Connection c = s.get()) {
                    plan = plan(sides, cfg, c);
                }
                try (Connection c = t.get()) {
                    SyncState.requestStop(c, SYNC_ID, false);
                }
                SyncRunner runner = new SyncRunner(dialect.requireChangeCapture(), dialect, plan.schema(), cfg.values(), s, t, SYNC_ID,
                        1_000);
                Console.line("Syncing every " + interval + " s; stop with: ferry sync stop");
                runner.loop(Duration.ofSeconds(interval), () -> false, lag -> Console.line(String.format(
                        "sync: %d changes pending, oldest %.1f s", lag.pending(), lag.seconds())));
                Console.line("Sync stopped at position " + runner.position());
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The sync's position and how far behind it is.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Sides sides;

        @Mixin
        Endpoints.Config configOption;

        @Override
        public Integer call() throws Exception {
            SourceDialect dialect = sides.dialect();
            try (Connection s = sides.source().open(); Connection t = sides.target().open()) {
                long position = SyncState.position(t, SYNC_ID).orElseThrow(() -> new FerryException(ErrorCode.CONFIGURATION,
                        "Unable to report: no sync on this target; start with ferry sync capture"));
                // counted over the migrated tables only, as the sync reads them (issue 14.7)
                Set<TableRef> migrated = SyncRunner.migratedTables(plan(sides, configOption, s).schema()).stream().map(Table::ref)
                        .collect(Collectors.toSet());
                ChangeCapture.Lag lag = dialect.requireChangeCapture().scopedTo(migrated).lag(s, position);
                Console.line(String.format("position %d, %d changes pending, oldest %.1f s", position, lag.pending(), lag.seconds()));
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running sync (--remove also drops the capture).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        Sides sides;

        @Option(names = "--remove", description = "Also remove the change capture from the source.")
        boolean remove;

        @Override
        public Integer call() throws Exception {
            ChangeCapture capture = sides.dialect().requireChangeCapture();
            try (Connection s = sides.source().open(); Connection t = sides.target().open()) {
                SyncState.requestStop(t, SYNC_ID, true);
                if (remove) {
                    capture.remove(s);
                    Console.line("Asked the sync to stop and removed the capture from the source");
                } else {
                    Console.line("Asked the sync to stop");
                }
            }
            return 0;
        }
    }
}
