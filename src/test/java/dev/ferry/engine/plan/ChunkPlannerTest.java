package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.copy.ChunkSql;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.h2.H2Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chunk plan splits a table into half-open key ranges (lower, upper] that cover every row
 * exactly once: the first open below, the last open above, each upper the next one's lower, every
 * chunk but the last exactly {@code chunkRows} rows. Planning reads the source, so the properties
 * run over generated key lists (single, composite, text, uuid keys, duplicates in a composite's
 * first column) in an in-memory H2 database, and each chunk is selected back through the copy's own
 * predicate (issue 18.6).
 */
class ChunkPlannerTest {
    private final H2Dialect dialect = new H2Dialect();
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:chunks" + System.nanoTime() + ";MODE=MSSQLServer");
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aChunkSizeBelowOneRowIsAConfigurationError(int rows) {
        FerryException e = catchThrowableOfType(FerryException.class, () -> new ChunkPlanner(dialect, rows));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage()).contains("at least 1 row, was " + rows);
    }

    @Test
    void singleIntegerKeysCoverEveryRowOnce() throws SQLException {
        Random random = new Random(186);
        for (int round = 0; round < 20; round++) {
            int n = random.nextInt(120);
            Set<Integer> keys = new HashSet<>();
            while (keys.size() < n) {
                keys.add(random.nextInt());
            }
            exec("DROP TABLE IF EXISTS T; CREATE TABLE T (id INT PRIMARY KEY, payload VARCHAR(10))");
            if (n > 0) {
                exec("INSERT INTO T VALUES " + String.join(", ", keys.stream().map(k -> "(" + k + ", 'x')").toList()));
            }
            checkPlan(table("T"), n, 1 + random.nextInt(n + 5));
        }
    }

    @Test
    void compositeKeysWithRepeatedLeadingValuesCoverEveryRowOnce() throws SQLException {
        Random random = new Random(1862);
        for (int round = 0; round < 25; round++) {
            int n = random.nextInt(150);
            exec("DROP TABLE IF EXISTS T; CREATE TABLE T (a INT NOT NULL, b VARCHAR(20) NOT NULL, c BIGINT NOT NULL, PRIMARY KEY (a, b, c))");
            Set<String> seen = new HashSet<>();
            while (seen.size() < n) {
                int a = random.nextInt(4) - 2;
                String b = List.of("", " ", "a", "A", "a ", "b?", "O'Neil", "zz").get(random.nextInt(8));
                long c = random.nextInt(3) * (random.nextBoolean() ? Long.MAX_VALUE : 1);
                if (seen.add(a + "|" + b + "|" + c)) {
                    try (PreparedStatement ps = h2.prepareStatement("INSERT INTO T VALUES (?, ?, ?)")) {
                        ps.setInt(1, a);
                        ps.setString(2, b);
                        ps.setLong(3, c);
                        ps.executeUpdate();
                    }
                }
            }
            checkPlan(table("T"), n, 1 + random.nextInt(10));
        }
    }

    @Test
    void textAndUuidKeysCoverEveryRowOnce() throws SQLException {
        Random random = new Random(1863);
        exec("CREATE TABLE S (k VARCHAR(40) PRIMARY KEY); CREATE TABLE U (k UUID PRIMARY KEY)");
        for (int i = 0; i < 97; i++) {
            exec("INSERT INTO S VALUES ('" + Long.toString(random.nextLong(), 36) + (i % 3 == 0 ? " ?" : "") + "')");
            exec("INSERT INTO U VALUES ('" + new UUID(random.nextLong(), random.nextLong()) + "')");
        }
        for (int chunkRows : new int[] {1, 2, 7, 96, 97, 98}) {
            checkPlan(table("S"), 97, chunkRows);
            checkPlan(table("U"), 97, chunkRows);
        }
    }

    @Test
    void aTableWithoutAUsableKeyIsOneWholeChunk() throws SQLException {
        exec("CREATE TABLE H (v INT, w INT); CREATE UNIQUE INDEX H_V ON H (v)"); // unique but nullable: no usable key
        for (int i = 0; i < 10; i++) {
            exec("INSERT INTO H VALUES (" + i + ", 1)");
        }
        Table heap = table("H");
        assertThat(heap.copyKey()).isEmpty();
        ChunkPlanner.TableChunks plan = new ChunkPlanner(dialect, 3).plan(h2, heap);
        assertThat(plan.rows()).isEqualTo(10);
        assertThat(plan.chunks()).containsExactly(ChunkRange.whole(heap.ref()));
    }

    @Test
    void aKeyColumnWhoseValuesCannotBeChunkBoundsIsRefusedNamingTableAndColumn() throws SQLException {
        // a time of day became a usable bound with issue 14.6; an interval still is none
        exec("CREATE TABLE W (t INTERVAL DAY PRIMARY KEY); INSERT INTO W VALUES (INTERVAL '1' DAY), (INTERVAL '2' DAY), (INTERVAL '3' DAY)");
        Table w = table("W");
        FerryException e = catchThrowableOfType(FerryException.class, () -> new ChunkPlanner(dialect, 1).plan(h2, w));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE);
        assertThat(e.getMessage()).contains("Unable to split PUBLIC.W into chunks on its key column 'T'");
        assertThat(new ChunkPlanner(dialect, 3).plan(h2, w).chunks()).as("small enough for one chunk: no bounds needed").hasSize(1);
    }

    /** Plans {@code table} and checks the plan's shape, then that the chunks' predicates select every row exactly once. */
    private void checkPlan(Table table, int rows, int chunkRows) throws SQLException {
        ChunkPlanner.TableChunks plan = new ChunkPlanner(dialect, chunkRows).plan(h2, table);
        List<ChunkRange> chunks = plan.chunks();
        String what = table.ref() + " with " + rows + " rows in chunks of " + chunkRows;
        assertThat(plan.rows()).as(what).isEqualTo(rows);
        assertThat(chunks).as(what).hasSize(rows <= chunkRows ? 1 : rows / chunkRows + 1);
        assertThat(chunks.get(0).lower()).as(what + ": the first chunk is open below").isNull();
        assertThat(chunks.get(chunks.size() - 1).upper()).as(what + ": the last chunk is open above").isNull();
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).number()).isEqualTo(i);
            assertThat(chunks.get(i).table()).isEqualTo(table.ref());
            if (i > 0) {
                assertThat(chunks.get(i).lower()).as(what + ": no gap before chunk " + i).isEqualTo(chunks.get(i - 1).upper());
            }
        }
        List<String> all = keysWhere(table, "1 = 1", List.of());
        List<String> union = new ArrayList<>();
        for (ChunkRange chunk : chunks) {
            List<String> selected = keysWhere(table, ChunkSql.predicate(dialect, table.copyKey(), chunk), ChunkSql.parameters(chunk));
            if (chunk.upper() != null) {
                assertThat(selected).as(what + ": " + chunk).hasSize(chunkRows);
            }
            union.addAll(selected);
        }
        assertThat(union).as(what + ": every row exactly once").containsExactlyInAnyOrderElementsOf(all);
    }

    private List<String> keysWhere(Table table, String predicate, List<Object> parameters) throws SQLException {
        List<String> key = table.copyKey();
        String sql = "SELECT " + String.join(" || '|' || ", key.stream().map(dialect::quote).toList()) + " FROM "
                + dialect.qualified(table.ref()) + " WHERE " + predicate;
        try (PreparedStatement ps = h2.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                dialect.bindKey(ps, i + 1, parameters.get(i));
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private Table table(String name) {
        return dialect.introspect(h2).table(new TableRef("PUBLIC", name)).orElseThrow();
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = h2.createStatement()) {
            st.execute(sql);
        }
    }
}
