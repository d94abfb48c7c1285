package dev.ferry.engine.copy;

import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.journal.Journal;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import dev.ferry.support.Waits;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Review of issue 13: with primary keys built after the load, nothing on the target stops a
 * second COPY of a chunk's rows. A copy of a chunk the journal holds as done — a retry after a
 * commit whose acknowledgement was lost, or the same chunk delivered twice at once — must write
 * nothing; before the fix each such copy added the chunk's rows again.
 */
class ChunkOnceIT {
    @Test
    void aChunkCopiedAgainOrTwiceAtOnceLandsOnce() throws Exception {
        String source = TestPostgres.newDatabase("once_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY, v text NOT NULL)");
            st.execute("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 350) g");
        }
        String target = TestPostgres.newDatabase("once_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        TargetTable table = migrated.plan().schema().tables().get(0);
        UUID run = UUID.fromString(migrated.runId());
        List<Journal.Chunk> chunks;
        try (Connection c = TestPostgres.connect(target)) {
            chunks = Journal.chunks(c, run);
        }
        assertThat(chunks).hasSizeGreaterThan(1).allMatch(Journal.Chunk::done);
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            // as a table stands while it is still being copied: no key yet
            st.execute("ALTER TABLE t DROP CONSTRAINT " + table.primaryKey().name());
        }
        PostgresDialect dialect = new PostgresDialect();
        TableCopySpec spec = new TableCopySpec(dialect, migrated.plan().schema().source().table(table.source()).orElseThrow(), table, false);
        ChunkCopier copier = new ChunkCopier(dialect, connections(source), connections(target), ValuePolicy.strict(), 100, run);
        ChunkRange first = chunks.get(0).range();

        ChunkResult again = copier.copy(spec, first);
        CompletableFuture<ChunkResult> one = CompletableFuture.supplyAsync(() -> copier.copy(spec, chunks.get(1).range()));
        CompletableFuture<ChunkResult> other = CompletableFuture.supplyAsync(() -> copier.copy(spec, chunks.get(1).range()));
        Waits.result(one, "the first of two copies of one chunk");
        Waits.result(other, "the second of two copies of one chunk");

        assertThat(again.rows()).as("the journal's rows of the chunk").isEqualTo(chunks.get(0).rows());
        assertThat(Migrations.count(target, "t")).as("every row once").isEqualTo(350);
    }
}
