package dev.ferry.engine.cutover;

import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import dev.ferry.engine.workflow.LocalCutover;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import dev.ferry.support.VirtualClock;
import dev.ferry.support.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover on real PostgreSQL with a writer on the source until the freeze: a passing window
 * completes with the target equal and the source read-only; a failing probe, and a missing
 * approval, roll back with every write the application made on the target brought back.
 */
class CutoverIT {
    /** Source with capture on, migrated target, sync caught up, and a writer still writing on the source. */
    record Setup(String source, String target, MigrationRunner.Result migrated, SyncRunner sync, PostgresChangeCapture capture,
                 AtomicBoolean writing, CompletableFuture<Void> writer, String appSource, String appTarget) {
    }

    /** The application's login role: it writes as itself, not as Ferry's role. */
    static final String APP = "crm_app";

    private static Setup setUp(String name) throws Exception {
        String source = TestPostgres.newDatabase(name + "_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 31, 15);
        }
        String target = TestPostgres.newDatabase(name + "_tgt");
        String appSource = TestPostgres.asApplication(source, APP);
        String appTarget = TestPostgres.asApplication(target, APP);
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; writing.get(); i++) {
                try (Connection c = TestPostgres.connect(appSource); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('pre-" + i + "', 'pre', 'k"
                            + i + "', 'before the freeze', now())");
                    st.execute("UPDATE \"Organization\" SET city = 'v" + i + "' WHERE id = (SELECT min(id) FROM \"Organization\")");
                    st.execute("DELETE FROM \"Interaction\" WHERE id = (SELECT min(id) FROM \"Interaction\")");
                    Thread.sleep(5);
                } catch (SQLException frozen) {
                    // the freeze ends this session and refuses new writes: the application would now be waiting
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "cutover", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "cutover", 500);
        // bounded: applies what was committed when called, although the writer keeps writing (issue 19)
        sync.drain();
        return new Setup(source, target, migrated, sync, capture, writing, writer, appSource, appTarget);
    }

    private static LocalCutover runner(Setup s, Path routing, List<HealthProbe> probes, CutoverPolicy policy, List<String> log)
            throws Exception {
        return runner(s, routing, probes, policy, log, new VirtualClock());
    }

    /** A cutover whose window, probe interval, approval deadline and sync pauses run on {@code clock}. */
    private static LocalCutover runner(Setup s, Path routing, List<HealthProbe> probes, CutoverPolicy policy, List<String> log,
                                        VirtualClock clock) throws Exception {
        Files.writeString(routing, s.source() + "\n");
        return new LocalCutover(new CutoverRunner(s.migrated().plan().schema(), new PostgresDialect(), FreezeConfig.defaults(), s.sync(),
                connections(s.source()), connections(s.target()), new FileRoutingSwitch(routing), s.target(), probes, policy, log::add))
                .withClock(clock);
    }

    @Test
    void aHealthyWindowCompletesWithNothingLostAndTheSourceReadOnly(@TempDir Path dir) throws Exception {
        Setup s = setUp("cut_ok");
        Path routing = dir.resolve("database-url");
        List<String> log = new ArrayList<>();
        VirtualClock clock = new VirtualClock();
        LocalCutover cutover = runner(s, routing, List.of(new SqlProbe(connections(s.target()), "SELECT count(*) FROM \"User\"")),
                CutoverPolicy.defaults(), log, clock);
        CutoverResult result = cutover.run(() -> false, () -> false);
        assertThat(clock.elapsed()).as("the default 15-minute window ran its length on the virtual clock")
                .isGreaterThanOrEqualTo(CutoverPolicy.defaults().window());
        s.writing().set(false);
        Waits.result(s.writer(), "the source writer to stop");
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.COMPLETED);
        assertThat(result.downtimeMillis()).as("write freeze to switch").isLessThan(5_000);
        assertThat(Files.readString(routing).strip()).isEqualTo(s.target());
        Migrations.assertSampleTablesEqual(s.source(), s.target());
        try (Connection c = TestPostgres.connect(s.source()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE \"User\" SET name = 'late'")).hasMessageContaining("read-only");
        }
        try (Connection c = TestPostgres.connect(s.appSource()); Statement st = c.createStatement()) {
            st.execute("SET default_transaction_read_only = off");
            assertThatThrownBy(() -> st.execute("UPDATE \"User\" SET name = 'late'")).as("the fence is no mere default")
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = TestPostgres.connect(s.appTarget()); Statement st = c.createStatement()) {
            st.execute("UPDATE \"User\" SET name = 'the application writes on the target'");
        }
        try (Connection c = TestPostgres.connect(s.target()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") SELECT 'after', id, 'n', now() "
                    + "FROM \"Organization\" LIMIT 1");
        }
        assertThat(Migrations.count(s.source(), "pg_trigger WHERE tgname = 'ferry_cdc'")).isZero();
        assertThat(Migrations.count(s.target(), "pg_trigger WHERE tgname = 'ferry_cdc'")).isZero();
    }

    @Test
    void aFailingProbeRollsBackAndTheSourceGetsEveryTargetWrite(@TempDir Path dir) throws Exception {
        Setup s = setUp("cut_fail");
        Path routing = dir.resolve("database-url");
        AtomicInteger round = new AtomicInteger();
        HealthProbe app = () -> {
            int n = round.incrementAndGet();
            if (n > 1) {
                // the application, now on the target, writes before the probes turn bad
                try (Connection c = TestPostgres.connect(s.appTarget()); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('app-" + n
                            + "', 'app', 'k" + n + "', 'written on the target', now())");
                    st.execute("UPDATE \"User\" SET name = 'renamed on target' WHERE id = (SELECT min(id) FROM \"User\")");
                    st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") SELECT 'opp-app-" + n
                            + "', id, 'n', now() FROM \"Organization\" LIMIT 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new HealthProbe.Result("app", n < 4, 1, n < 4 ? "ok" : "HTTP 503");
        };
        List<String> log = new ArrayList<>();
        CutoverPolicy policy = new CutoverPolicy(10_000, Duration.ofSeconds(30), Duration.ofMillis(50), 0.2, 2_000, false);
        CutoverResult result = runner(s, routing, List.of(app), policy, log).run(() -> false, () -> false);
        s.writing().set(false);
        Waits.result(s.writer(), "the source writer to stop");
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.ROLLED_BACK);
        assertThat(result.reason()).contains("HTTP 503");
        assertThat(result.writesBroughtBack()).isGreaterThanOrEqualTo(6);
        assertThat(Files.readString(routing).strip()).isEqualTo(s.source());
        Migrations.assertSampleTablesEqual(s.source(), s.target());
        assertThat(Migrations.count(s.source(), "\"Setting\" WHERE category = 'app'")).as("rounds 2, 3 and 4 wrote").isEqualTo(3);
        try (Connection c = TestPostgres.connect(s.appTarget()); Statement st = c.createStatement()) {
            st.execute("SET default_transaction_read_only = off");
            assertThatThrownBy(() -> st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('late', "
                    + "'app', 'kl', 'a late write on the target', now())")).as("the target stays fenced after the rollback")
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = TestPostgres.connect(s.appSource()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") SELECT 'after-rollback', id, 'n', now() "
                    + "FROM \"Organization\" LIMIT 1");
        }
        assertThat(Migrations.count(s.source(), "\"Opportunity\" WHERE id = 'after-rollback' AND number > "
                + "(SELECT max(number) FROM \"Opportunity\" WHERE id LIKE 'opp-app-%')")).as("identity moved above the target's writes")
                .isEqualTo(1);
    }

    @Test
    void noApprovalByTheDeadlineRollsBack(@TempDir Path dir) throws Exception {
        Setup s = setUp("cut_appr");
        Path routing = dir.resolve("database-url");
        List<String> log = new ArrayList<>();
        CutoverPolicy policy = CutoverPolicy.defaults().withApprovalRequired(true);
        VirtualClock clock = new VirtualClock();
        CutoverResult result = runner(s, routing, List.of(new SqlProbe(connections(s.target()), "SELECT 1")), policy, log, clock)
                .run(() -> false, () -> false);
        assertThat(clock.elapsed()).as("the rollback came at the approval deadline, not before")
                .isGreaterThanOrEqualTo(policy.window());
        s.writing().set(false);
        Waits.result(s.writer(), "the source writer to stop");
        assertThat(result.outcome()).isEqualTo(CutoverResult.ROLLED_BACK);
        assertThat(result.reason()).contains("no approval");
        assertThat(Files.readString(routing).strip()).isEqualTo(s.source());
        try (Connection c = TestPostgres.connect(s.source()); Statement st = c.createStatement()) {
            st.execute("UPDATE \"User\" SET name = 'writable again'");
        }
    }

    @Test
    void aCutoverInterruptedDuringItsWindowIsRolledBackByTheNextRun(@TempDir Path dir) throws Exception {
        Setup s = setUp("cut_crash");
        Path routing = dir.resolve("database-url");
        AtomicInteger round = new AtomicInteger();
        HealthProbe crashing = () -> {
            if (round.incrementAndGet() == 1) {
                return new HealthProbe.Result("app", true, 1, "ok"); // the preflight check
            }
            // the application, now on the target, writes; then the process dies mid-window
            try (Connection c = TestPostgres.connect(s.appTarget()); Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('app-crash', 'app', 'kc', "
                        + "'written before the crash', now())");
                st.execute("UPDATE \"User\" SET name = 'renamed before the crash' WHERE id = (SELECT min(id) FROM \"User\")");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("simulated crash");
        };
        List<String> log = new ArrayList<>();
        CutoverPolicy policy = new CutoverPolicy(10_000, Duration.ofSeconds(30), Duration.ofMillis(50), 0.2, 2_000, false);
        assertThatThrownBy(() -> runner(s, routing, List.of(crashing), policy, log).run(() -> false, () -> false))
                .hasMessageContaining("simulated crash");
        s.writing().set(false);
        Waits.result(s.writer(), "the source writer to stop");
        assertThat(Files.readString(routing).strip()).as("the crash left routing on the target").isNotEqualTo(s.source());

        CutoverResult result = runner(s, routing, List.of(new SqlProbe(connections(s.target()), "SELECT 1")), policy, log)
                .run(() -> false, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.ROLLED_BACK);
        assertThat(result.reason()).contains("interrupted");
        assertThat(result.writesBroughtBack()).isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(routing).strip()).isEqualTo(s.source());
        Migrations.assertSampleTablesEqual(s.source(), s.target());
        assertThat(Migrations.count(s.source(), "\"Setting\" WHERE id = 'app-crash'")).isEqualTo(1);
        try (Connection c = TestPostgres.connect(s.source()); Statement st = c.createStatement()) {
            st.execute("UPDATE \"User\" SET name = 'writable again'");
        }
    }

    @Test
    void aCutoverInterruptedWhileFrozenIsUndoneAndTheNextRunCompletes(@TempDir Path dir) throws Exception {
        Setup s = setUp("cut_frozen");
        Path routing = dir.resolve("database-url");
        Files.writeString(routing, s.source() + "\n");
        RoutingSwitch crashing = new RoutingSwitch() {
            @Override
            public String current() {
                throw new IllegalStateException("simulated crash before routing moved");
            }

            @Override
            public void switchTo(String value) {
                throw new AssertionError("routing must not move");
            }
        };
        List<String> log = new ArrayList<>();
        CutoverPolicy policy = CutoverPolicy.defaults().withWindow(Duration.ofMillis(500), Duration.ofMillis(100));
        List<HealthProbe> probes = List.of(new SqlProbe(connections(s.target()), "SELECT 1"));
        assertThatThrownBy(() -> new LocalCutover(new CutoverRunner(s.migrated().plan().schema(), new PostgresDialect(), FreezeConfig.defaults(), s.sync(),
                connections(s.source()), connections(s.target()), crashing, s.target(), probes, policy, log::add))
                .withClock(new VirtualClock()).run(() -> false, () -> false))
                .hasMessageContaining("simulated crash");
        s.writing().set(false);
        Waits.result(s.writer(), "the source writer to stop");
        try (Connection c = TestPostgres.connect(s.source()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE \"User\" SET name = 'while frozen'")).as("the crash left the source frozen")
                    .hasMessageContaining("read-only");
        }

        CutoverResult result = runner(s, routing, probes, policy, log).run(() -> false, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.COMPLETED);
        assertThat(log).anyMatch(l -> l.contains("interrupted before routing moved"));
        assertThat(Files.readString(routing).strip()).isEqualTo(s.target());
        Migrations.assertSampleTablesEqual(s.source(), s.target());
    }

    /** The quick check before the switch reads the rows the sync changed on both sides: drift on the target stops the cutover. */
    @Test
    void aChangedRowThatDiffersOnTheTargetStopsTheCutoverBeforeTheSwitch(@TempDir Path dir) throws Exception {
        Setup s = setUp("cut_check");
        s.writing().set(false);
        Waits.result(s.writer(), "the source writer to stop");
        s.sync().drain();
        try (Connection c = TestPostgres.connect(s.target()); Statement st = c.createStatement()) {
            st.execute("UPDATE \"Organization\" SET city = 'drifted' WHERE id = (SELECT min(id) FROM \"Organization\")");
        }
        Path routing = dir.resolve("database-url");
        List<String> log = new ArrayList<>();
        CutoverResult result = runner(s, routing, List.of(new SqlProbe(connections(s.target()), "SELECT 1")),
                CutoverPolicy.defaults().withWindow(Duration.ofMillis(300), Duration.ofMillis(100)), log).run(() -> false, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.ABORTED);
        assertThat(result.reason()).contains("public.Organization DIFFERENT").contains("changed rows differ");
        assertThat(Files.readString(routing).strip()).as("routing never moved").isEqualTo(s.source());
        try (Connection c = TestPostgres.connect(s.source()); Statement st = c.createStatement()) {
            st.execute("UPDATE \"User\" SET name = 'writable again'");
        }
    }

    /**
     * With snake_case names on the target, the application's writes there ("setting".updated_at,
     * "opportunity".organization_id) go back to the source's "Setting"."updatedAt" and
     * "Opportunity"."organizationId" through the forward mapping.
     */
    @Test
    void aRollbackMapsSnakeCaseTargetNamesBackToTheSourceNames(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("cut_snake_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 5, 10);
        }
        String target = TestPostgres.newDatabase("cut_snake_tgt");
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
        }
        MigrationConfig snake = MigrationConfig.defaults().withNames(dev.ferry.engine.config.NameStyle.SNAKE_CASE);
        MigrationRunner.Result migrated = Migrations.run(source, target, snake, Migrations.small());
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "snake", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "snake", 500);
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("UPDATE \"Organization\" SET city = 'synced' WHERE id = (SELECT min(id) FROM \"Organization\")");
        }
        AtomicInteger round = new AtomicInteger();
        HealthProbe app = () -> {
            int n = round.incrementAndGet();
            if (n == 2) {
                try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO setting (id, category, key, label, updated_at) VALUES ('snake-app', 'app', 'k', 'l', now())");
                    st.execute("INSERT INTO opportunity (id, organization_id, name, updated_at) SELECT 'snake-opp', id, 'n', now() "
                            + "FROM organization ORDER BY id LIMIT 1");
                    st.execute("UPDATE organization SET city = 'renamed on target' WHERE id = (SELECT min(id) FROM organization)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new HealthProbe.Result("app", n < 3, 1, n < 3 ? "ok" : "HTTP 500");
        };
        Path routing = dir.resolve("database-url");
        Files.writeString(routing, source + "\n");
        List<String> log = new ArrayList<>();
        CutoverResult result = new LocalCutover(new CutoverRunner(migrated.plan().schema(), new PostgresDialect(), FreezeConfig.defaults(), sync,
                connections(source), connections(target), new FileRoutingSwitch(routing), target, List.of(app),
                new CutoverPolicy(10_000, Duration.ofSeconds(30), Duration.ofMillis(50), 0.2, 2_000, false), log::add))
                .withClock(new VirtualClock()).run(() -> false, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.ROLLED_BACK);
        assertThat(Migrations.count(target, "organization WHERE city = 'synced'") + Migrations.count(target,
                "organization WHERE city = 'renamed on target'")).as("the sync reached the snake_case target").isEqualTo(1);
        assertThat(Migrations.count(source, "\"Setting\" WHERE id = 'snake-app' AND \"updatedAt\" IS NOT NULL")).isEqualTo(1);
        assertThat(Migrations.count(source, "\"Opportunity\" WHERE id = 'snake-opp' AND \"organizationId\" IS NOT NULL")).isEqualTo(1);
        assertThat(Migrations.count(source, "\"Organization\" WHERE city = 'renamed on target'")).isEqualTo(1);
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") SELECT 'after', id, 'n', now() "
                    + "FROM \"Organization\" LIMIT 1");
        }
        assertThat(Migrations.count(source, "\"Opportunity\" WHERE id = 'after' AND number > (SELECT number FROM \"Opportunity\" "
                + "WHERE id = 'snake-opp')")).as("identity above the target's write").isEqualTo(1);
    }

    /**
     * A PostgreSQL source whose identities are GENERATED ALWAYS (kept ALWAYS on the target): the
     * application's rows inserted on the target come back with their keys (OVERRIDING SYSTEM VALUE),
     * an update beside a non-key ALWAYS identity comes back without touching it, and the source's
     * identity is moved above the target's.
     */
    @Test
    void aRollbackWritesBackIntoGeneratedAlwaysIdentities(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("cut_always_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ticket (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL)");
            st.execute("CREATE TABLE ledger (code text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, note text)");
            st.execute("INSERT INTO ticket (title) SELECT 't' || g FROM generate_series(1, 20) g");
            st.execute("INSERT INTO ledger (code, note) SELECT 'c' || g, 'n' FROM generate_series(1, 5) g");
        }
        String target = TestPostgres.newDatabase("cut_always_tgt");
        String appTarget = TestPostgres.asApplication(target, APP);
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
        }
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "always", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "always", 500);
        AtomicInteger round = new AtomicInteger();
        HealthProbe app = () -> {
            int n = round.incrementAndGet();
            if (n == 2) {
                try (Connection c = TestPostgres.connect(appTarget); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO ticket (title) VALUES ('written on the target')");
                    st.execute("UPDATE ledger SET note = 'changed on the target' WHERE code = 'c1'");
                    st.execute("INSERT INTO ledger (code, note) VALUES ('c-app', 'new on the target')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new HealthProbe.Result("app", n < 3, 1, n < 3 ? "ok" : "HTTP 500");
        };
        Path routing = dir.resolve("database-url");
        Files.writeString(routing, source + "\n");
        List<String> log = new ArrayList<>();
        CutoverResult result = new LocalCutover(new CutoverRunner(migrated.plan().schema(), new PostgresDialect(), FreezeConfig.defaults(),
                sync, connections(source), connections(target), new FileRoutingSwitch(routing), target, List.of(app),
                new CutoverPolicy(10_000, Duration.ofSeconds(30), Duration.ofMillis(50), 0.2, 2_000, false), log::add))
                .withClock(new VirtualClock()).run(() -> false, () -> false);
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.ROLLED_BACK);
        assertThat(Migrations.count(source, "ticket WHERE title = 'written on the target' AND id = 21")).as("its key kept").isEqualTo(1);
        assertThat(Migrations.count(source, "ledger WHERE code = 'c1' AND note = 'changed on the target' AND seq = 1")).isEqualTo(1);
        assertThat(Migrations.count(source, "ledger WHERE code = 'c-app' AND seq = 6")).isEqualTo(1);
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ticket (title) VALUES ('after the rollback')");
        }
        assertThat(Migrations.count(source, "ticket WHERE title = 'after the rollback' AND id > 21")).as("identity above the target's")
                .isEqualTo(1);
    }
}
