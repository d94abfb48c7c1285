package dev.ferry.engine.sync;

import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a schema name may contain a dot. The journal keyed chunks and the change log named
 * tables as {@code schema.name} split at the first dot, so {@code "sales.eu"."orders"} came back as
 * schema {@code sales}, table {@code eu.orders}.
 */
class DottedSchemaIT {
    @Test
    void aTableInASchemaWithADotIsCopiedInChunksAndSynced() throws Exception {
        String source = TestPostgres.newDatabase("dotted_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"sales.eu\"");
            st.execute("CREATE TABLE \"sales.eu\".\"order.lines\" (id integer PRIMARY KEY, note text NOT NULL)");
            st.execute("INSERT INTO \"sales.eu\".\"order.lines\" SELECT g, 'line ' || g FROM generate_series(1, 450) g");
        }
        String target = TestPostgres.newDatabase("dotted_tgt");
        PostgresChangeCapture capture = new PostgresChangeCapture();
        long start;
        try (Connection c = TestPostgres.connect(source)) {
            start = capture.install(c, new PostgresDialect().introspect(c).tables());
        }
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        TargetTable table = migrated.plan().schema().tables().get(0);
        assertThat(table.source()).isEqualTo(new TableRef("sales.eu", "order.lines"));
        assertThat(migrated.report().tables()).singleElement().satisfies(t -> assertThat(t.chunks()).isGreaterThan(1));
        String copied = "\"" + table.schema() + "\".\"" + table.name() + "\"";
        assertThat(Migrations.count(target, copied)).isEqualTo(450);

        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"sales.eu\".\"order.lines\" VALUES (451, 'after the copy')");
            st.execute("UPDATE \"sales.eu\".\"order.lines\" SET note = 'edited' WHERE id = 7");
            st.execute("DELETE FROM \"sales.eu\".\"order.lines\" WHERE id = 9");
        }
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "dotted", start);
        }
        SyncRunner sync = new SyncRunner(capture, new PostgresDialect(), migrated.plan().schema(), ValuePolicy.strict(),
                connections(source), connections(target), "dotted", 100);
        sync.drain();
        assertThat(Migrations.fingerprint(target, copied, "id"))
                .isEqualTo(Migrations.fingerprint(source, "\"sales.eu\".\"order.lines\"", "id"));
    }
}
