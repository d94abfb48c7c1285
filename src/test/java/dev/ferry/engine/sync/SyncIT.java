package dev.ferry.engine.sync;

import dev.ferry.engine.source.Change;
import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import dev.ferry.support.Waits;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Change capture and sync on real PostgreSQL, with a writer that keeps inserting, updating and
 * deleting on the source while the copy runs and while the sync runs: once the writer stops and
 * the sync drains, every table equals the source.
 */
class SyncIT {
    @Test
    void writesDuringTheCopyAndDuringTheSyncAllArrive() throws Exception {
        String source = TestPostgres.newDatabase("sync_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 21, 40);
        }
        String target = TestPostgres.newDatabase("sync_tgt");
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            DatabaseSchema schema = new PostgresDialect().introspect(c);
            start = capture.install(c, schema.tables());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
                for (int i = 0; writing.get(); i++) {
                    st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('w-" + i + "', 'live', 'k"
                            + i + "', 'written during the migration', now())");
                    st.execute("UPDATE \"Contact\" SET notes = 'edit " + i + "', \"updatedAt\" = now() WHERE id = (SELECT id FROM "
                            + "\"Contact\" ORDER BY id OFFSET " + (i % 50) + " LIMIT 1)");
                    st.execute("DELETE FROM \"Interaction\" WHERE id = (SELECT min(id) FROM \"Interaction\")");
                    st.execute("UPDATE \"Setting\" SET id = 'moved-" + i + "' WHERE id = 'w-" + (i / 2) + "' AND " + (i % 7 == 0));
                    writes.addAndGet(4);
                    Thread.sleep(3);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "test", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "test", 100);
        for (int i = 0; i < 5; i++) {
            int before = writes.get();
            sync.step();
            Waits.until("the writer to write again between sync steps", () -> writes.get() > before);
        }
        writing.set(false);
        Waits.result(writer, "the source writer to stop");
        assertThat(writes.get()).as("the writer kept writing through the copy").isGreaterThan(40);
        sync.drain();
        assertThat(sync.lag().pending()).isZero();
        Migrations.assertSampleTablesEqual(source, target);
        assertThat(Migrations.count(target, "\"Setting\" WHERE category = 'live'")).isPositive();
    }

    /**
     * Issue 19: a drain that waited for "nothing pending" never ended while the application wrote
     * faster than the sync applied. The drain applies what was committed when it was called and
     * returns, however fast the writer keeps writing.
     */
    @Test
    void aDrainEndsWhileTheApplicationKeepsWritingFasterThanTheSync() throws Exception {
        String source = TestPostgres.newDatabase("drain_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 3, 5);
        }
        String target = TestPostgres.newDatabase("drain_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
        }
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "drain", start);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
                for (int i = 0; writing.get(); i++) {
                    st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('fast-" + i
                            + "', 'fast', 'k" + i + "', 'no pause between writes', now())");
                    writes.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Waits.until("the writer to get going", () -> writes.get() > 50);
            try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('before-drain', 'fast', 'kb', "
                        + "'committed before the drain was called', now())");
            }
            // one change per batch: far slower than the writer, so "until nothing is pending" would never come
            SyncRunner slow = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                    connections(source), connections(target), "drain", 1);
            long applied = Waits.result(CompletableFuture.supplyAsync(slow::drain), "a drain to end while the writer writes");
            assertThat(applied).isPositive();
            assertThat(Migrations.count(target, "\"Setting\" WHERE id = 'before-drain'")).as("committed before the drain").isEqualTo(1);
            assertThat(writer).as("the writer was still writing when the drain ended").isNotDone();
        } finally {
            writing.set(false);
            Waits.result(writer, "the source writer to stop");
        }
    }

    @Test
    void replayingChangesIsIdempotent() throws Exception {
        String source = TestPostgres.newDatabase("replay_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 5, 10);
        }
        String target = TestPostgres.newDatabase("replay_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
            st.execute("UPDATE \"Organization\" SET city = 'Shelbyville'");
            st.execute("DELETE FROM \"Session\" WHERE id IN (SELECT id FROM \"Session\" ORDER BY id LIMIT 3)");
            st.execute("INSERT INTO \"User\" (id, email, \"updatedAt\") VALUES ('u-new', 'new@example.com', now())");
        }
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "replay", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "replay", 7);
        DeltaApplier applier = new DeltaApplier(new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict());
        try (Connection src = TestPostgres.connect(source); Connection tgt = TestPostgres.connect(target)) {
            java.util.List<Change> batch = capture.changesAfter(src, start, 1_000);
            assertThat(batch).hasSizeGreaterThan(5);
            applier.apply(src, tgt, batch, "replay", batch.get(batch.size() - 1).position());
            Migrations.assertSampleTablesEqual(source, target);
            // as after a crash between the target's commit and forgetting the batch on the source
            applier.apply(src, tgt, batch, "replay", batch.get(batch.size() - 1).position());
        }
        Migrations.assertSampleTablesEqual(source, target);
        sync.drain();
        Migrations.assertSampleTablesEqual(source, target);
        assertThat(sync.lag().pending()).isZero();
        try (Connection c = TestPostgres.connect(source)) {
            capture.remove(c);
        }
        assertThat(Migrations.count(source, "pg_trigger WHERE tgname = 'ferry_cdc'")).isZero();
    }

    /**
     * A trigger log's positions are taken at write time: a transaction holding a lower position that
     * commits after a higher one was applied must still arrive (a position cursor would skip it).
     */
    @Test
    void aTransactionCommittingAfterALaterOneWasAppliedStillArrives() throws Exception {
        String source = TestPostgres.newDatabase("late_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 3, 5);
        }
        String target = TestPostgres.newDatabase("late_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        PostgresChangeCapture capture = new PostgresChangeCapture();
        try (Connection c = TestPostgres.connect(source)) {
            long start = capture.install(c, new PostgresDialect().introspect(c).tables());
            try (Connection t = TestPostgres.connect(target)) {
                SyncState.ensure(t);
                SyncState.save(t, "late", start);
            }
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "late", 100);
        try (Connection slow = TestPostgres.connect(source); Connection quick = TestPostgres.connect(source);
             Statement slowSt = slow.createStatement(); Statement quickSt = quick.createStatement()) {
            slow.setAutoCommit(false);
            slowSt.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('slow', 'c', 'slow', 'l', now())");
            quickSt.execute("INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('quick', 'c', 'quick', 'l', now())");
            assertThat(sync.drain()).isEqualTo(1);
            slow.commit();
        }
        sync.drain();
        assertThat(Migrations.count(target, "\"Setting\" WHERE id IN ('slow', 'quick')")).isEqualTo(2);
        Migrations.assertSampleTablesEqual(source, target);
    }
}
