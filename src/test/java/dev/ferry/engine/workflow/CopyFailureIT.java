package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.journal.TargetLock;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the copy does when values, connections or other runs get in the way. */
class CopyFailureIT {

    private static String sourceWithNul() throws Exception {
        String source = SampleSource.create("nul", 20);
        try (Connection c = DriverManager.getConnection(source);
             PreparedStatement ps = c.prepareStatement("UPDATE [Contact] SET [notes] = ? WHERE [id] = (SELECT MIN([id]) FROM [Contact])")) {
            ps.setString(1, "before\u0000after");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return source;
    }

    @Test
    void aNulInTextStopsTheRunNamingTableColumnAndKey() throws Exception {
        String source = sourceWithNul();
        String key;
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN([id]) FROM [Contact]")) {
            rs.next();
            key = rs.getString(1);
        }
        String target = TestPostgres.newDatabase("nul_stop");
        assertThatThrownBy(() -> Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small()))
                .isInstanceOf(FerryException.class)
                .hasMessageContaining("PUBLIC.Contact.notes").hasMessageContaining("id=" + key).hasMessageContaining("U+0000")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.DATA));
        assertThat(Migrations.count(target, "ferry.chunk WHERE status = 'failed' AND last_error LIKE '%U+0000%'")).isEqualTo(1);
    }

    @Test
    void aConfiguredNulReplacementIsAppliedAndCounted() throws Exception {
        String source = sourceWithNul();
        String target = TestPostgres.newDatabase("nul_replace");
        MigrationConfig config = ConfigLoader.parse("values:\n  nulReplacement: \"\\uFFFD\"\n", "test");
        MigrationRunner.Result r = Migrations.run(source, target, config, Migrations.small());
        assertThat(Migrations.count(target, "\"Contact\" WHERE notes = 'before\uFFFDafter'")).isEqualTo(1);
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("PUBLIC.Contact")).singleElement()
                .satisfies(t -> assertThat(t.replacedValues()).containsEntry("notes", 1L));
    }

    @Test
    void aSecondRunOnTheSameTargetIsRefused() throws Exception {
        String source = SampleSource.create("lock", 5);
        String target = TestPostgres.newDatabase("lock");
        try (dev.ferry.engine.journal.AdvisoryLock held = TargetLock.acquire(TestPostgres.connect(target))) {
            assertThatThrownBy(() -> Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small()))
                    .isInstanceOf(FerryException.class).hasMessageContaining("another Ferry run is working on this target")
                    .hasMessageContaining("backend pid")
                    .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.CONCURRENT_RUN));
        }
        assertThat(Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small()).report().rows())
                .as("the lock goes with its session").isPositive();
    }

    /** Issue 12.3: through the pass-through too, where a failed chunk left its source connection pooled mid-transaction. */
    @ParameterizedTest(name = "row copy: {0}")
    @ValueSource(booleans = {false, true})
    void aTerminatedTargetBackendIsRetriedAndTheRunCompletes(boolean rowCopy) throws Exception {
        String source = TestPostgres.newDatabase("term_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 7, 400);
        }
        String target = TestPostgres.newDatabase("term_tgt");
        String targetDb = target.substring(target.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        AtomicInteger killed = new AtomicInteger();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try (Connection admin = TestPostgres.connect(source); PreparedStatement ps = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND query LIKE 'COPY %FROM STDIN%' "
                            + "AND state = 'active' LIMIT 1")) {
                ps.setString(1, targetDb);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (killed.get() == 0 && System.nanoTime() < deadline) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            killed.incrementAndGet();
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        MigrationRunner.Result r = Migrations.run(source, target, MigrationConfig.defaults(),
                Migrations.small().withChunkRows(500).withRowCopy(rowCopy));
        killer.get(70, TimeUnit.SECONDS);
        assertThat(killed.get()).as("a COPY backend was terminated mid-chunk").isEqualTo(1);
        assertThat(r.report().tables().stream().mapToInt(t -> t.retries()).sum()).isGreaterThanOrEqualTo(1);
        for (String[] t : new String[][] {{"\"Interaction\"", "id"}, {"\"Contact\"", "id"}, {"\"VerificationToken\"", "token"}}) {
            assertThat(Migrations.fingerprint(target, t[0], t[1])).as(t[0]).isEqualTo(Migrations.fingerprint(source, t[0], t[1]));
        }
    }
}
