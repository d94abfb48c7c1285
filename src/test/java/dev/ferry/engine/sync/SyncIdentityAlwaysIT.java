package dev.ferry.engine.sync;

import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.4: a {@code GENERATED ALWAYS} identity now stays ALWAYS on the target, so the sync's
 * upsert writes the source's keys with {@code OVERRIDING SYSTEM VALUE}; rows inserted and updated
 * on the source after the copy arrive with their own ids.
 */
class SyncIdentityAlwaysIT {
    @Test
    void changesToATableWithAnAlwaysIdentityAreApplied() throws Exception {
        String source = TestPostgres.newDatabase("always_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE note (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);"
                    + "INSERT INTO note (body) SELECT 'n' || i FROM generate_series(1, 20) i");
        }
        String target = TestPostgres.newDatabase("always_tgt");
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
        }
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO note (body) VALUES ('after the copy'); UPDATE note SET body = 'edited' WHERE id = 3;"
                    + "DELETE FROM note WHERE id = 5");
        }
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "test", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "test", 100);
        sync.drain();

        assertThat(Migrations.fingerprint(target, "note", "id")).isEqualTo(Migrations.fingerprint(source, "note", "id"));
        assertThat(Migrations.count(target, "pg_attribute WHERE attrelid = 'note'::regclass AND attname = 'id' AND attidentity = 'a'"))
                .isOne();
    }
}
