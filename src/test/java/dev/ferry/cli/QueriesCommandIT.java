package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry queries}: exit 0 pass, 3 only budgets missed, 1 an answer differs; JSON and Markdown reports (issue 16). */
class QueriesCommandIT {
    @Test
    void exitCodesFollowTheVerdict(@TempDir Path dir) throws Exception {
        String source = TestPostgres.newDatabase("qcli_src");
        String target = TestPostgres.newDatabase("qcli_tgt");
        for (String url : new String[] {source, target}) {
            try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE item AS SELECT g AS id, 'item ' || g AS label FROM generate_series(1, 50000) g");
                st.execute("ANALYZE item");
            }
        }
        Path workload = Files.writeString(dir.resolve("workload.yaml"), """
                queries:
                  - name: one-item
                    sql: SELECT id, label FROM item WHERE label = ?
                    params: [["item 42"]]
                    budgetMillis: %s
                """);
        Files.writeString(workload, Files.readString(workload).replace("%s", "60000"));
        PlanCommandIT.Run pass = PlanCommandIT.ferry("queries", "--source", source, "--target", target, "--workload", workload.toString(),
                "--runs", "3", "--report", dir.resolve("pass.json").toString());
        assertThat(pass.exit()).as(pass.err() + pass.out()).isZero();
        assertThat(pass.out()).contains("one-item").contains("PASS");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("pass.json").toFile());
        assertThat(json.at("/verdict").asText()).isEqualTo("PASS");
        assertThat(json.at("/queries/0/target/runs").asInt()).isEqualTo(3);
        assertThat(dir.resolve("pass.md")).content().contains("| one-item | PASS | 1 |");

        Files.writeString(workload, Files.readString(workload).replace("60000", "1"));
        PlanCommandIT.Run slow = PlanCommandIT.ferry("queries", "--source", source, "--target", target, "--workload", workload.toString(),
                "--runs", "3", "--report", dir.resolve("slow.json").toString());
        assertThat(slow.exit()).as(slow.err() + slow.out()).isEqualTo(3);
        assertThat(slow.err()).contains("one-item OVER_BUDGET");
        assertThat(dir.resolve("slow.md")).content().contains("sequential scan of item").contains("CREATE INDEX ON \"item\" (\"label\")");

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE item SET id = -42 WHERE id = 42");
        }
        PlanCommandIT.Run differs = PlanCommandIT.ferry("queries", "--source", source, "--target", target, "--workload",
                workload.toString(), "--runs", "1", "--report", dir.resolve("differs.json").toString());
        assertThat(differs.exit()).isEqualTo(1);
        assertThat(differs.out()).contains("one-item: parameters [item 42]: a row differs").contains("target: id=-42, label=item 42");
    }
}
