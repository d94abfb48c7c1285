package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.11: re-running {@code migrate} with another {@code --chunk-rows} resumes the unfinished
 * run with the chunks it planned — and now says so, instead of silently ignoring the option.
 */
class ResumeChunkSizeIT {
    @Test
    void aResumeWithAnotherChunkSizeSaysItKeepsThePlannedChunks() throws Exception {
        String source = TestPostgres.newDatabase("resume_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE amount (id integer PRIMARY KEY, v text);"
                    + "INSERT INTO amount SELECT i, i::text FROM generate_series(1, 500) i; UPDATE amount SET v = 'twelve' WHERE id = 420");
        }
        String target = TestPostgres.newDatabase("resume_tgt");
        MigrationConfig config = ConfigLoader.parse("cast:\n  columns:\n    public.amount.v: numeric\n", "test");
        assertThatThrownBy(() -> run(source, target, config, 100, new CopyOnWriteArrayList<>())).hasMessageContaining("id=420");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("UPDATE amount SET v = '12' WHERE id = 420");
        }

        List<String> log = new CopyOnWriteArrayList<>();
        MigrationRunner.Result r = run(source, target, config, 250, log);

        assertThat(r.resumed()).isTrue();
        assertThat(log).anySatisfy(line -> assertThat(line).contains("planned at 100 rows a chunk").contains("--chunk-rows 250"));
        assertThat(Migrations.count(target, "amount")).isEqualTo(500);
    }

    private static MigrationRunner.Result run(String source, String target, MigrationConfig config, int chunkRows, List<String> log) {
        return new MigrationRunner(new JdbcConnector("source", source, null), new JdbcConnector("target", target, null), config,
                Migrations.small().withChunkRows(chunkRows).withValidate(false), CopyProgress.NONE, log::add).run();
    }
}
