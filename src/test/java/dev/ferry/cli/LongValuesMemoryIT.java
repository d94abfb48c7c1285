package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.support.TestPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    record Run(int exit, String out) {
    }

    /** {@code ferry args} in a new JVM with {@code -Xmx512m}. */
    static Run ferry(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), FerryCommand.class.getName()));
        cmd.addAll(List.of(args));
        File log = dir.resolve("ferry-" + System.nanoTime() + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("ferry " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void migratesAndValidates100MbValuesFromPostgresUnder512Mb(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("long_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE doc (id integer PRIMARY KEY, body text, data bytea)");
            st.execute("INSERT INTO doc SELECT g, 'row ' || g, decode(md5(g::text), 'hex') FROM generate_series(1, 5) g");
            st.execute("INSERT INTO doc VALUES (6, repeat('grüße 0123', " + MB100 / 10 + "), NULL), "
                    + "(7, NULL, convert_to(repeat('0123456789', " + MB100 / 10 + "), 'UTF8'))");
        }
        String target = TestPostgres.newDatabase("long_tgt");
        Run migrate = ferry(dir, "migrate", "--source", source, "--target", target, "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.out()).isZero();
        assertThat(migrate.out()).contains("Validation (hash): PARITY");
        assertLongValues(target, "doc", "body", "data");

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE doc SET body = overlay(body PLACING 'X' FROM " + MB100 + ") WHERE id = 6");
        }
        Path report = dir.resolve("diff.json");
        Run diff = ferry(dir, "validate", "--source", source, "--target", target, "--level", "diff", "--report", report.toString());
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
        Run migrate = ferry(dir, "migrate", "--source", source + ";USER=sa", "--target", target, "--out", dir.resolve("run").toString());
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
