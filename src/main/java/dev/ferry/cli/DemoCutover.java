package dev.ferry.cli;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.cutover.CutoverPolicy;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.CutoverRunner;
import dev.ferry.engine.workflow.LocalCutover;
import dev.ferry.engine.cutover.FileRoutingSwitch;
import dev.ferry.engine.cutover.SqlProbe;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The demo's second half: an "application" keeps writing to the H2 source through the copy; its
 * changes are captured and synced; the cutover freezes it, applies the last changes, switches the
 * routing file to PostgreSQL and holds a short health window. The writer is the demo's own, so it
 * stops at the freeze, as an application waiting on its database would.
 */
final class DemoCutover {
    private final String sourceUrl;
    private final String targetUrl;
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger writes = new AtomicInteger();
    private Thread writer;

    DemoCutover(String sourceUrl, String targetUrl) {
        this.sourceUrl = sourceUrl;
        this.targetUrl = targetUrl;
    }

    /** Starts capturing the source's changes (before the copy) and the application writing. */
    void startCaptureAndWriter() throws SQLException {
        try (Connection s = DriverManager.getConnection(sourceUrl); Connection t = DriverManager.getConnection(targetUrl)) {
            SyncRunner.startCapture(new H2Dialect().changeCapture().orElseThrow(), s, t, new H2Dialect().introspect(s).tables(),
                    SyncState.DEFAULT_ID);
        }
        writer = new Thread(this::write, "demo-application");
        writer.setDaemon(true);
        writer.start();
        Console.line("Captured changes on the source; the demo application keeps writing to it during the copy");
    }

    private void write() {
        try (Connection c = DriverManager.getConnection(sourceUrl); Statement st = c.createStatement()) {
            for (int i = 0; writing.get(); i++) {
                st.execute("INSERT INTO \"Setting\" (id, category, \"key\", label, \"updatedAt\") VALUES ('live-" + i
                        + "', 'demo', 'live-" + i + "', 'written during the migration', CURRENT_TIMESTAMP)");
                st.execute("UPDATE \"Organization\" SET city = 'Edited " + i + "' WHERE id = (SELECT MIN(id) FROM \"Organization\")");
                writes.addAndGet(2);
                Thread.sleep(10);
            }
        } catch (SQLException frozen) {
            // the freeze refuses writes or ends the session: the application now waits for its new database
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Syncs, cuts over with a health window of {@code window}, and reports. */
    CutoverResult cutOver(TargetSchema schema, MigrationConfig config, Path out, Duration window) throws Exception {
        Path routing = out.resolve("database-url");
        Files.createDirectories(out);
        Files.writeString(routing, sourceUrl + "\n");
        Supplier<Connection> source = connections(sourceUrl);
        Supplier<Connection> target = connections(targetUrl);
        H2Dialect dialect = new H2Dialect();
        SyncRunner sync = new SyncRunner(dialect.changeCapture().orElseThrow(), dialect, schema, config.values(), source, target,
                SyncState.DEFAULT_ID, 1_000);
        long applied = 0;
        for (int round = 0, n = -1; round < 20 && n != 0; round++) {
            n = sync.step(); // bounded: the application keeps writing, so the sync keeps up rather than drains
            applied += n;
        }
        Console.line("Sync: " + applied + " changes applied; " + sync.lag().pending() + " pending");
        CutoverPolicy policy = CutoverPolicy.defaults().withWindow(window, Duration.ofMillis(500));
        CutoverResult result = new LocalCutover(new CutoverRunner(schema, dialect, config.freeze(), sync, source, target,
                new FileRoutingSwitch(routing), targetUrl, List.of(new SqlProbe(target, "SELECT count(*) FROM \"Organization\"")), policy,
                Console::line)).run(() -> false, () -> false);
        writing.set(false);
        writer.join(5_000);
        Console.line("Wrote " + dev.ferry.engine.cutover.CutoverReportWriter.write(result, out.resolve("cutover.json")));
        Console.line(String.format("Cutover %s: the application wrote %d times during the migration; writes were frozen for %d ms; "
                + "%s now points at PostgreSQL", result.outcome(), writes.get(), result.downtimeMillis(), routing));
        return result;
    }

    private static Supplier<Connection> connections(String url) {
        return () -> {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
