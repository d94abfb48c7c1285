package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.copy.ChunkSql;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chunk bounds from a sample of the table's pages (issue 13): the chunks still partition the key
 * space exactly — every row in exactly one chunk — for integer, text and composite keys, and the
 * table is split into ceil(rows / chunkRows) chunks of about that size.
 */
class ChunkPlannerIT {
    private static final int ROWS = 200_000;
    private static final int CHUNK_ROWS = 5_000;
    private final SourceDialect dialect = new PostgresDialect();

    @Test
    void sampledBoundsPartitionAnIntegerKeyExactly() throws SQLException {
        assertPartition("CREATE TABLE t (id bigint PRIMARY KEY, v text); INSERT INTO t SELECT n, 'v' || n FROM generate_series(1, "
                + ROWS + ") n");
    }

    @Test
    void sampledBoundsPartitionATextKeyInRandomOrderExactly() throws SQLException {
        assertPartition("CREATE TABLE t (id text PRIMARY KEY, v int); INSERT INTO t SELECT md5(n::text), n FROM generate_series(1, "
                + ROWS + ") n");
    }

    @Test
    void sampledBoundsPartitionACompositeKeyExactly() throws SQLException {
        assertPartition("CREATE TABLE t (a int, b text, PRIMARY KEY (a, b)); INSERT INTO t SELECT n % 7, md5(n::text) "
                + "FROM generate_series(1, " + ROWS + ") n");
    }

    private void assertPartition(String ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestPostgres.newDatabase("chunks"))) {
            try (Statement st = c.createStatement()) {
                st.execute(ddl);
                st.execute("ANALYZE t");
            }
            Table table = dialect.introspect(c).table(new TableRef("public", "t")).orElseThrow();
            ChunkPlanner.TableChunks planned = new ChunkPlanner(dialect, CHUNK_ROWS).plan(c, table);
            List<ChunkRange> chunks = planned.chunks();
            // a full ROW_NUMBER pass puts a bound on the last row here (ROWS % CHUNK_ROWS == 0): 41 chunks
            assertThat(chunks).hasSize(ROWS / CHUNK_ROWS);
            assertThat(chunks.get(0).lower()).isNull();
            assertThat(chunks.get(chunks.size() - 1).upper()).isNull();
            long total = 0;
            for (int i = 0; i < chunks.size(); i++) {
                if (i > 0) {
                    assertThat(chunks.get(i).lower()).isEqualTo(chunks.get(i - 1).upper());
                }
                long n = count(c, table, chunks.get(i));
                assertThat(n).as("rows of chunk %d", i).isBetween(1L, 4L * CHUNK_ROWS);
                total += n;
            }
            assertThat(total).isEqualTo(ROWS);
        }
    }

    private long count(Connection c, Table table, ChunkRange chunk) throws SQLException {
        String sql = "SELECT count(*) FROM " + dialect.qualified(table.ref()) + " WHERE " + ChunkSql.predicate(dialect, table.copyKey(), chunk);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Object> params = ChunkSql.parameters(chunk);
            for (int i = 0; i < params.size(); i++) {
                dialect.bindKey(ps, i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
