package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.support.CappedJvm;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry migrate} (copy and hash validation) of 100 MB text and 100 MB binary values in a
 * JVM capped at {@code -Xmx512m}, from PostgreSQL and from H2; and the row diff of a 100 MB value
 * that differs in its last character (issue 15.5: validation of a 20 MB value ran out of memory).
 * Each run is a separate JVM on this build's classpath, so the cap is real. The values are made
 * inside the databases.
 */
class LongValuesMemoryIT {
    static final int MB100 = 100_000_000;

    /** {@code ferry args} in a new JVM with {@code -Xmx512m}. */
    static CappedJvm.Run ferry(Path dir, String... args) throws Exception {
        return CappedJvm.run(dir, FerryCommand.class, args);
    }

    /** A PostgreSQL database with table doc: five short rows, a 100 MB text value (row 6) and a 100 MB bytea value (row 7). */
    static String postgresSource(String name) throws Exception {
        String source = TestPostgres.newDatabase(name);
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE doc (id integer PRIMARY KEY, body text, data bytea)");
            st.execute("INSERT INTO doc SELECT g, 'row ' || g, decode(md5(g::text), 'hex') FROM generate_series(1, 5) g");
            st.execute("INSERT INTO doc VALUES (6, repeat('grüße 0123', " + MB100 / 10 + "), NULL), "
                    + "(7, NULL, convert_to(repeat('0123456789', " + MB100 / 10 + "), 'UTF8'))");
        }
        return source;
    }

    /**
     * The row path from PostgreSQL: pgjdbc holds a whole fetch, so the copy's fetch of 5 000 rows held
     * both values (the bytea as 200 MB of hex) and ran out of heap; the fetch is now sized by the
     * chunk's longest value (issue 15.5).
     */
    @Test
    void copiesOnTheRowPathFromPostgresUnder512Mb(@TempDir Path dir) throws Exception {
        String source = postgresSource("long_rows_src");
        String target = TestPostgres.newDatabase("long_rows_tgt");
        CappedJvm.Run migrate = ferry(dir, "migrate", "--source", source, "--target", target, "--copy-mode", "rows",
                "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.out()).isZero();
        assertThat(migrate.out()).contains("Validation (hash): PARITY");
        assertLongValues(target, "doc", "body", "data");
    }

    /**
     * The sync stages the source's current rows of changed keys in batches of up to 200 keys, which
     * pgjdbc read whole: two rows changed to hold 100 MB values are now staged one key at a time
     * (issue 15.5). {@code ferry sync start} runs in the capped JVM until it has applied both.
     */
    @Test
    void syncsChanged100MbValuesFromPostgresUnder512Mb(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("long_sync_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE doc (id integer PRIMARY KEY, body text, data bytea)");
            st.execute("INSERT INTO doc SELECT g, 'row ' || g, decode(md5(g::text), 'hex') FROM generate_series(1, 7) g");
        }
        String target = TestPostgres.newDatabase("long_sync_tgt");
        PlanCommandIT.Run capture = PlanCommandIT.ferry("sync", "capture", "--source", source, "--target", target);
        assertThat(capture.exit()).as(capture.err()).isZero();
        PlanCommandIT.Run migrate = PlanCommandIT.ferry("migrate", "--source", source, "--target", target, "--no-validate",
                "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("UPDATE doc SET body = repeat('grüße 0123', " + MB100 / 10 + "), data = NULL WHERE id = 6");
            st.execute("UPDATE doc SET body = NULL, data = convert_to(repeat('0123456789', " + MB100 / 10 + "), 'UTF8') WHERE id = 7");
        }
        File log = dir.resolve("sync.log").toFile();
        Process sync = CappedJvm.start(log, FerryCommand.class, "sync", "start", "--source", source, "--target", target, "--interval", "1");
        try {
            Awaitility.await("the sync of both long values").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        assertThat(sync.isAlive()).as(() -> CappedJvm.read(log)).isTrue();
                        return Migrations.count(target, "doc WHERE octet_length(body) > 100 OR octet_length(data) > 100") == 2;
                    });
            PlanCommandIT.Run stop = PlanCommandIT.ferry("sync", "stop", "--source", source, "--target", target);
            assertThat(stop.exit()).as(stop.err()).isZero();
            assertThat(sync.waitFor(2, TimeUnit.MINUTES)).as("the sync stops").isTrue();
        } finally {
            sync.destroyForcibly();
        }
        assertThat(sync.exitValue()).as(CappedJvm.read(log)).isZero();
        assertLongValues(target, "doc", "body", "data");
    }

    @Test
    void migratesAndValidates100MbValuesFromPostgresUnder512Mb(@TempDir Path dir) throws Exception {
        String source = postgresSource("long_src");
        String target = TestPostgres.newDatabase("long_tgt");
        CappedJvm.Run migrate = ferry(dir, "migrate", "--source", source, "--target", target, "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.out()).isZero();
        assertThat(migrate.out()).contains("Validation (hash): PARITY");
        assertLongValues(target, "doc", "body", "data");

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE doc SET body = overlay(body PLACING 'X' FROM " + MB100 + ") WHERE id = 6");
        }
        Path report = dir.resolve("diff.json");
        CappedJvm.Run diff = ferry(dir, "validate", "--source", source, "--target", target, "--level", "diff", "--report", report.toString());
        assertThat(diff.exit()).as(diff.out()).isEqualTo(1);
        JsonNode table = new ObjectMapper().readTree(report.toFile()).at("/tables/0");
        assertThat(table.at("/samples").size()).isEqualTo(1);
        assertThat(table.at("/samples/0/kind").asText()).isEqualTo("DIFFERENT");
        assertThat(table.at("/samples/0/key").asText()).isEqualTo("id=6");
        assertThat(table.at("/samples/0/columns").size()).isEqualTo(1);
        JsonNode column = table.at("/samples/0/columns/0");
        assertThat(column.at("/column").asText()).isEqualTo("body");
        String prefix = "grüße 0123".repeat(20);
        assertThat(column.at("/source").asText()).isEqualTo(prefix + "… (" + MB100 + " characters)");
        assertThat(column.at("/target").asText()).isEqualTo(prefix + "… (" + MB100 + " characters)");
    }

    @Test
    void migratesAndValidates100MbValuesFromH2Under512Mb(@TempDir Path dir) throws Exception {
        String source = "jdbc:h2:file:" + dir.resolve("src").toAbsolutePath() + ";MODE=MSSQLServer";
        try (Connection c = DriverManager.getConnection(source, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE doc (id INT PRIMARY KEY, body CLOB, data BLOB)");
            st.execute("INSERT INTO doc SELECT X, 'row ' || X, HASH('SHA-256', CAST(X AS VARCHAR)) FROM SYSTEM_RANGE(1, 5)");
            st.execute("INSERT INTO doc VALUES (6, REPEAT('grüße 0123', " + MB100 / 10 + "), NULL)");
            st.execute("INSERT INTO doc VALUES (7, NULL, STRINGTOUTF8(REPEAT('0123456789', " + MB100 / 10 + ")))");
        }
        String target = TestPostgres.newDatabase("long_h2_tgt");
        CappedJvm.Run migrate = ferry(dir, "migrate", "--source", source + ";USER=sa", "--target", target, "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.out()).isZero();
        assertThat(migrate.out()).contains("Validation (hash): PARITY");
        assertLongValues(target, "DOC", "BODY", "DATA");
    }

    /** The target holds both long values whole, to the last byte, and the short rows. */
    private static void assertLongValues(String target, String table, String body, String data) throws Exception {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*), max(char_length(\"" + body + "\")), max(octet_length(\"" + data + "\")), "
                        + "bool_or(right(\"" + body + "\", 10) = 'grüße 0123'), "
                        + "bool_or(substring(\"" + data + "\" FROM " + (MB100 - 9) + ") = '\\x30313233343536373839'::bytea) FROM \""
                        + table + "\"")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(7);
            assertThat(rs.getLong(2)).isEqualTo(MB100);
            assertThat(rs.getLong(3)).isEqualTo(MB100);
            assertThat(rs.getBoolean(4)).isTrue();
            assertThat(rs.getBoolean(5)).isTrue();
        }
    }
}
