package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry demo} runs end to end on embedded databases, as the README promises, and ends at parity. */
class DemoCommandIT {
    @Test
    void runsTheWholeDemo(@TempDir Path dir) {
        PlanCommandIT.Run run = PlanCommandIT.ferry("demo", "--scale", "20", "--out", dir.toString());
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("Started embedded PostgreSQL 16").contains("indexes 38 of 38")
                .contains("Validation (hash): PARITY").contains("foreign keys: 16 of 16")
                .contains("Cutover COMPLETED").contains("writes were frozen for")
                .contains("After the cutover: Validation (hash): PARITY")
                .contains("The application's queries, source (H2) and target (PostgreSQL):").contains("organizations-by-priority")
                .contains("organization-timeline").doesNotContain(" DIFFERENT ").doesNotContain(" FAILED ")
                .contains("Demo complete: every row of every table, and every write made during the migration, arrived");
        assertThat(dir.resolve("database-url")).content().contains("jdbc:postgresql:");
        for (String f : new String[] {"assessment.md", "report.json", "validation.json", "post-data.sql", "cutover.json", "queries.json", "queries.md"}) {
            assertThat(dir.resolve(f)).exists();
        }
    }
}
