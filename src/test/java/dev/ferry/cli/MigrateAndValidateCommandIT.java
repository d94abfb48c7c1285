package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry migrate} and {@code ferry validate} from the command line, with their exit codes and files. */
class MigrateAndValidateCommandIT {
    @Test
    void migrateThenValidateThenCorruptThenValidateAgain(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("cli_src");
        try (Connection c = TestPostgres.connect(source)) {
            SampleLoader.load(c, source, 5, 30);
        }
        String target = TestPostgres.newDatabase("cli_tgt");
        PlanCommandIT.Run migrate = PlanCommandIT.ferry("migrate", "--source", source, "--target", target, "--workers", "2",
                "--chunk-rows", "50", "--out", dir.resolve("run").toString());
        assertThat(migrate.exit()).as(migrate.err() + migrate.out()).isZero();
        assertThat(migrate.out()).contains("Validation (hash): PARITY").contains("finished.");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("run/report.json").toFile());
        assertThat(report.at("/rows").asLong()).isPositive();
        assertThat(report.at("/tables").size()).isEqualTo(10);
        assertThat(dir.resolve("run/validation.json")).exists();

        PlanCommandIT.Run again = PlanCommandIT.ferry("migrate", "--source", source, "--target", target, "--out", dir.resolve("again").toString());
        assertThat(again.exit()).as("a finished run is not redone: the tables exist").isEqualTo(14);
        assertThat(again.err()).contains("Unable to create table public.");

        PlanCommandIT.Run ok = PlanCommandIT.ferry("validate", "--source", source, "--target", target, "--level", "diff",
                "--report", dir.resolve("v1.json").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE \"User\" SET name = 'changed' WHERE id = (SELECT min(id) FROM \"User\")");
        }
        PlanCommandIT.Run bad = PlanCommandIT.ferry("validate", "--source", source, "--target", target,
                "--tables", "User,Account", "--report", dir.resolve("v2.json").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("DIFFERENT id=usr_0_").contains("name source=");
        JsonNode v2 = new ObjectMapper().readTree(dir.resolve("v2.json").toFile());
        assertThat(v2.at("/result").asText()).isEqualTo("MISMATCH");
        assertThat(v2.at("/tables").size()).isEqualTo(2);
        assertThat(v2.at("/tables/1/samples/0/columns/0/column").asText()).isEqualTo("name");

        PlanCommandIT.Run broken = PlanCommandIT.ferry("validate", "--source", source, "--target",
                "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/no_such_db?user=postgres", "--report", dir.resolve("v3.json").toString());
        assertThat(broken.exit()).as("a connection failure keeps its own exit code, not CONFIGURATION's").isEqualTo(10);
        assertThat(broken.err()).contains("Unable to connect to the target");

        PlanCommandIT.Run badLevel = PlanCommandIT.ferry("validate", "--source", source, "--target", target, "--level", "rows");
        assertThat(badLevel.exit()).isEqualTo(2);
        assertThat(badLevel.err()).contains("--level").contains("rows").contains("COUNT, HASH, DIFF");
    }
}
