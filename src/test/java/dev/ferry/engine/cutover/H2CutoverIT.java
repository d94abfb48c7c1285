package dev.ferry.engine.cutover;

import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.h2.H2ChangeCapture;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.ValidationRunner;
import dev.ferry.engine.workflow.LocalCutover;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import dev.ferry.support.VirtualClock;
import dev.ferry.support.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * Sync and cutover from the H2 stand-in (SQL Server mode) to real PostgreSQL, with a writer that
 * inserts, updates and deletes on H2 through the copy, the sync and up to the freeze: trigger
 * capture, trigger freeze, the switch, and a rollback that writes the target's rows back into H2
 * through the forward mapping. Equality is proved by hash-level validation of every row.
 */
class H2CutoverIT {
    record Setup(String source, String target, MigrationRunner.Result migrated, SyncRunner sync, AtomicBoolean writing,
                 AtomicInteger refused, CompletableFuture<Integer> writer) {
    }

    private static Setup setUp(String name) throws Exception {
        String source = SampleSource.create(name, 10);
        String target = TestPostgres.newDatabase(name + "_tgt");
        long start;
        try (Connection c = DriverManager.getConnection(source)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SEQUENCE \"Tickets\" START WITH 1");
            }
            start = new H2ChangeCapture().install(c, new H2Dialect().introspect(c).tables());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int i = 0;
            try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
                for (; writing.get(); i++) {
                    try {
                        st.execute("INSERT INTO \"Setting\" (id, category, \"key\", label, \"updatedAt\") VALUES ('w-" + i
                                + "', 'live', 'k" + i + "', CAST(NEXT VALUE FOR \"Tickets\" AS VARCHAR), CURRENT_TIMESTAMP)");
                        st.execute("UPDATE \"Organization\" SET city = 'v" + i + "' WHERE id = (SELECT MIN(id) FROM \"Organization\")");
                        st.execute("DELETE FROM \"Interaction\" WHERE id = (SELECT MIN(id) FROM \"Interaction\")");
                    } catch (SQLException frozen) {
                        // refused by the freeze (or its session ended): the application would now wait for routing
                        refused.incrementAndGet();
                        return i;
                    }
                    Thread.sleep(3);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return i;
        });
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "h2", start);
        }
        SyncRunner sync = new SyncRunner(new H2ChangeCapture(), new H2Dialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "h2", 200);
        for (int i = 0; i < 10; i++) {
            sync.step(); // the writer keeps writing, so the sync keeps up rather than drains
        }
        return new Setup(source, target, migrated, sync, writing, refused, writer);
    }

    private static LocalCutover runner(Setup s, Path routing, List<HealthProbe> probes, CutoverPolicy policy, List<String> log)
            throws Exception {
        Files.writeString(routing, s.source() + "\n");
        return new LocalCutover(new CutoverRunner(s.migrated().plan().schema(), new H2Dialect(), FreezeConfig.defaults(), s.sync(),
                connections(s.source()), connections(s.target()), new FileRoutingSwitch(routing), s.target(), probes, policy, log::add))
                .withClock(new VirtualClock());
    }

    private static ValidationReport validate(Setup s) {
        return ValidationRunner.run(new JdbcConnector("source", s.source(), null), new JdbcConnector("target", s.target(), null),
                MigrationConfig.defaults(), ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()), List.of());
    }

    @Test
    void aHealthyWindowCompletesWithEveryRowEqualAndTheDowntimeMeasured(@TempDir Path dir) throws Exception {
        Setup s = setUp("h2cut_ok");
        Path routing = dir.resolve("database-url");
        List<String> log = new ArrayList<>();
        CutoverResult result = runner(s, routing, List.of(new SqlProbe(connections(s.target()), "SELECT count(*) FROM \"User\"")),
                CutoverPolicy.defaults(), log).run(() -> false, () -> false);
        // the source stays frozen after a completed cutover: the writer ends when the freeze refuses it
        int rounds = Waits.result(s.writer(), "the H2 writer to be refused by the freeze");
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.COMPLETED);
        assertThat(rounds).as("the writer kept writing through copy and sync").isGreaterThan(20);
        assertThat(s.refused().get()).as("writes after the freeze are refused").isPositive();
        assertThat(result.downtimeMillis()).as("write freeze to switch").isLessThan(5_000);
        assertThat(Files.readString(routing).strip()).isEqualTo(s.target());
        ValidationReport report = validate(s);
        assertThat(report.parity()).as(report.toString()).isTrue();
        assertThat(Migrations.count(s.target(), "\"Setting\" WHERE category = 'live'")).isPositive();
        try (Connection c = TestPostgres.connect(s.target()); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT nextval('\"public\".\"Tickets\"'), (SELECT max(label::bigint) FROM \"Setting\" "
                     + "WHERE category = 'live')")) {
            rs.next();
            Long planned = s.migrated().plan().schema().sequences().get(0).lastValue();
            assertThat(rs.getLong(2)).as("the writer drew numbers after the plan").isGreaterThan(planned == null ? 0 : planned);
            assertThat(rs.getLong(1)).as("issue 15.3: the cutover carried the sequence past every number the source handed out")
                    .isGreaterThan(rs.getLong(2));
        }
        try (Connection c = DriverManager.getConnection(s.source()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("UPDATE \"User\" SET name = 'late'")).hasMessageContaining("frozen");
            assertThat(st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'FERRY_CDC'"))
                    .satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getInt(1)).as("capture removed").isZero();
                    });
        }
    }

    @Test
    void aFailingProbeRollsBackAndH2GetsEveryTargetWriteWithItsIdentityAbove(@TempDir Path dir) throws Exception {
        Setup s = setUp("h2cut_fail");
        Path routing = dir.resolve("database-url");
        AtomicInteger round = new AtomicInteger();
        HealthProbe app = () -> {
            int n = round.incrementAndGet();
            if (n > 1) {
                try (Connection c = TestPostgres.connect(s.target()); Statement st = c.createStatement()) {
                    st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('app-" + n
                            + "', 'app', 'k" + n + "', 'written on the target', now())");
                    st.execute("UPDATE \"User\" SET name = 'renamed on target' WHERE id = (SELECT min(id) FROM \"User\")");
                    st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") SELECT 'opp-app-" + n
                            + "', id, 'n', now() FROM \"Organization\" ORDER BY id LIMIT 1");
                    st.execute("DELETE FROM \"Interaction\" WHERE id = (SELECT max(id) FROM \"Interaction\")");
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
        Waits.result(s.writer(), "the H2 writer to stop");
        assertThat(result.outcome()).as(String.join("\n", log)).isEqualTo(CutoverResult.ROLLED_BACK);
        assertThat(result.reason()).contains("HTTP 503");
        assertThat(result.writesBroughtBack()).isGreaterThanOrEqualTo(9);
        assertThat(Files.readString(routing).strip()).isEqualTo(s.source());
        ValidationReport report = validate(s);
        assertThat(report.parity()).as(report.toString()).isTrue();
        assertThat(Migrations.count(s.source(), "\"Setting\" WHERE category = 'app'")).as("rounds 2, 3 and 4 wrote").isEqualTo(3);
        try (Connection c = DriverManager.getConnection(s.source()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") SELECT 'after-rollback', id, 'n', "
                    + "CURRENT_TIMESTAMP FROM \"Organization\" ORDER BY id FETCH FIRST 1 ROWS ONLY");
        }
        assertThat(Migrations.count(s.source(), "\"Opportunity\" WHERE id = 'after-rollback' AND number > "
                + "(SELECT MAX(number) FROM \"Opportunity\" WHERE id LIKE 'opp-app-%')")).as("identity moved above the target's writes")
                .isEqualTo(1);
    }
}
