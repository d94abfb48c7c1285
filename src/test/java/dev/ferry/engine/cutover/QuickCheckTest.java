package dev.ferry.engine.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.h2.H2Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quick check's first gate: with writes frozen, any table whose row count differs between
 * source and target fails the check, naming the table and both counts, before the changed rows
 * are read. QuickCheck has no pure seam: both gates query the two sides, and the changed-rows gate
 * reads the sync's state from a PostgreSQL target (CutoverIT covers it). Here both sides are
 * in-memory H2 databases, the target in PostgreSQL mode (issue 18.6).
 */
class QuickCheckTest {
    private final String id = Long.toString(System.nanoTime());
    private final List<String> log = new ArrayList<>();
    private Connection source;
    private Connection target;

    @BeforeEach
    void open() throws SQLException {
        source = DriverManager.getConnection(sourceUrl());
        target = DriverManager.getConnection(targetUrl());
        exec(source, "CREATE TABLE ORDERS (ID INT PRIMARY KEY); CREATE TABLE LINES (ID INT PRIMARY KEY)");
        exec(target, "CREATE TABLE orders (id INT PRIMARY KEY); CREATE TABLE lines (id INT PRIMARY KEY)");
        exec(source, "INSERT INTO ORDERS VALUES (1), (2), (3); INSERT INTO LINES VALUES (1), (2)");
        exec(target, "INSERT INTO orders VALUES (1), (2), (3); INSERT INTO lines VALUES (1), (2)");
    }

    @AfterEach
    void close() throws SQLException {
        source.close();
        target.close();
    }

    private String sourceUrl() {
        return "jdbc:h2:mem:qc-source" + id + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    }

    private String targetUrl() {
        return "jdbc:h2:mem:qc-target" + id + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    private static Supplier<Connection> side(String url) {
        return () -> {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static TargetTable table(String source, String target) {
        return new TargetTable(new TableRef("PUBLIC", source), "public", target, List.of(), null, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** The check over ORDERS then LINES; no sync is given because the count gate must decide before the changed rows are read. */
    private QuickCheck check() {
        TargetSchema forward = new TargetSchema(null, List.of("public"), List.of(), false,
                List.of(table("ORDERS", "orders"), table("LINES", "lines")), List.of(), List.of(), List.of(), List.of());
        return new QuickCheck(forward, new H2Dialect(), null, side(sourceUrl()), side(targetUrl()), log::add);
    }

    @Test
    void aRowMissingOnTheTargetFailsTheCheckNamingTableAndBothCounts() throws SQLException {
        exec(target, "DELETE FROM lines WHERE id = 2");
        assertThat(check().mismatch()).isEqualTo("PUBLIC.LINES has 2 rows on the source and 1 on the target");
    }

    @Test
    void anExtraRowOnTheTargetFailsTheCheckToo() throws SQLException {
        exec(target, "INSERT INTO orders VALUES (4)");
        assertThat(check().mismatch()).isEqualTo("PUBLIC.ORDERS has 3 rows on the source and 4 on the target");
    }

    @Test
    void theFirstTableThatDiffersIsTheOneReported() throws SQLException {
        exec(source, "INSERT INTO ORDERS VALUES (4); DELETE FROM LINES");
        assertThat(check().mismatch()).startsWith("PUBLIC.ORDERS has 4 rows on the source and 3 on the target");
    }

    @Test
    void aTableTheTargetLacksStopsTheCutoverWithACutoverError() throws SQLException {
        exec(target, "DROP TABLE lines");
        FerryException e = catchThrowableOfType(FerryException.class, () -> check().mismatch());
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CUTOVER);
        assertThat(e.getMessage()).contains("Unable to count \"public\".\"lines\"");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
