package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry demo} runs end to end on embedded databases, as the README promises. */
class DemoCommandIT {
    @Test
    void runsTheWholeDemo(@TempDir Path dir) {
        PlanCommandIT.Run run = PlanCommandIT.ferry("demo", "--scale", "20", "--out", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Started embedded PostgreSQL 16").contains("Target now has 10 tables, 54 keys and indexes, 16 foreign keys");
        assertThat(dir.resolve("assessment.md")).exists();
    }
}
