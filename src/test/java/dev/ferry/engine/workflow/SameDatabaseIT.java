package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.9: a target that is the source itself (the same database, however the URL spells it)
 * is refused before anything is written — Ferry created its {@code ferry} schema in the source and
 * then failed with exit 14. Another database on the same server is a valid target.
 */
class SameDatabaseIT {
    @Test
    void theSourceAsTargetIsRefusedBeforeAnythingIsWritten() throws Exception {
        String source = TestPostgres.newDatabase("same_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY); INSERT INTO t VALUES (1), (2)");
        }
        String sameDatabaseOtherSpelling = source.replace("localhost", "127.0.0.1") + (source.contains("?") ? "&" : "?")
                + "ApplicationName=ferry-target";
        assertThat(sameDatabaseOtherSpelling).isNotEqualTo(source);

        assertThatThrownBy(() -> Migrations.run(source, sameDatabaseOtherSpelling, MigrationConfig.defaults(), Migrations.small()))
                .isInstanceOf(FerryException.class).hasMessageContaining("same database")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
        assertThat(Migrations.count(source, "pg_namespace WHERE nspname IN ('ferry', 'ferry_cdc')")).as("nothing written").isZero();
        assertThat(Migrations.count(source, "t")).isEqualTo(2);
    }

    @Test
    void anotherDatabaseOnTheSameServerIsATarget() throws Exception {
        String source = TestPostgres.newDatabase("same_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY); INSERT INTO t VALUES (1), (2)");
        }
        String target = TestPostgres.newDatabase("same_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        assertThat(Migrations.count(target, "t")).isEqualTo(2);
    }
}
