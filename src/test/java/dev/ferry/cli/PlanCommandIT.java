package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.support.SampleSource;
import java.sql.Connection;
import java.sql.DriverManager;
import dev.ferry.support.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry plan} end to end on the sample: the four files, the exit codes, and no secret anywhere. */
class PlanCommandIT {
    private static final String SECRET = "Sup3r-S3cret-Passw0rd";

    record Run(int exit, String out, String err) {
    }

    static Run ferry(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = FerryCommand.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void writesDdlAndAssessmentWithoutCredentials(@TempDir Path dir) throws Exception {
        String source = SampleDatabase.h2Url("plancli_secret") + ";USER=sa;PASSWORD=" + SECRET;
        try (Connection c = DriverManager.getConnection(source)) {
            SampleDatabase.createSchema(c);
        }
        String target = TestPostgres.newDatabase("plancli") + "&password=" + SECRET;
        Run run = ferry("plan", "--source", source, "--target", target, "--out", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("indexes 38 of 38").contains("foreign keys 16 of 16").contains("Target: PostgreSQL 16");
        for (String f : new String[] {"pre-data.sql", "post-data.sql", "assessment.md", "assessment.json"}) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(Files.readString(dir.resolve("pre-data.sql"))).contains("CREATE TABLE \"public\".\"Account\"");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("assessment.json").toFile());
        assertThat(json.at("/summary/indexes/converted").asInt()).isEqualTo(38);
        assertThat(json.at("/tables").size()).isEqualTo(10);
        assertThat(json.at("/source").asText()).contains("PASSWORD=***");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void aWrongPasswordFailsWithAConnectionErrorThatHidesIt(@TempDir Path dir) throws Exception {
        String source = SampleSource.create("plancli2", 0);
        String target = "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/nosuchdb?user=nobody&password=" + SECRET;
        Run run = ferry("plan", "--source", source, "--target", target, "--out", dir.toString());
        assertThat(run.exit()).isEqualTo(10);
        assertThat(run.err()).contains("Unable to connect to the target").contains("password=***").doesNotContain(SECRET);
    }

    @Test
    void aBadConfigFieldExitsWithTheConfigurationCodeNamingTheField(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("ferry.yaml"), "names: snake_case\ncasts: {}\n");
        Run run = ferry("plan", "--source", SampleSource.create("plancli3", 0), "--config", config.toString(),
                "--out", dir.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("casts");
    }

    @Test
    void anUnsupportedUrlIsRefused(@TempDir Path dir) {
        Run run = ferry("plan", "--source", "jdbc:oracle:thin:@x", "--out", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("jdbc:sqlserver:");
    }
}
