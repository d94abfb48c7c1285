package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12.4: schema features of a PostgreSQL source that Ferry does not convert are refused by
 * name, table and feature, before the target is touched — a range-partitioned table became a
 * plain table with its partitions gone, an inheritance parent was copied with its child's rows
 * (2 rows became 4) and the link lost. Leaving the tables out with {@code tables.exclude} lets the
 * rest migrate.
 */
class SchemaFeaturesIT {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            range partitions | CREATE TABLE m (id integer, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); INSERT INTO m VALUES (1, '2024-05-01') | public.m | PARTITION BY RANGE (at) | public.m
            inheritance      | CREATE TABLE parent (id integer PRIMARY KEY, n text); CREATE TABLE child (extra text) INHERITS (parent); INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (2, 'b', 'x') | public.parent | inherited by public.child | public.parent, public.child
            """)
    void aFeatureFerryDoesNotConvertIsRefusedNamingTableAndFeature(String feature, String ddl, String table, String detail,
                                                                    String exclude) throws Exception {
        String source = TestPostgres.newDatabase("feature_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(ddl + "; CREATE TABLE plain (id integer PRIMARY KEY); INSERT INTO plain VALUES (1)");
        }
        String target = TestPostgres.newDatabase("feature_tgt");
        assertThatThrownBy(() -> Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small()))
                .isInstanceOf(FerryException.class).hasMessageContaining(table).hasMessageContaining(detail)
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE));
        assertThat(Migrations.count(target, "pg_tables WHERE schemaname = 'public'")).as("nothing created").isZero();

        StringBuilder yaml = new StringBuilder("tables:\n  exclude: [");
        for (String t : exclude.split(",")) {
            yaml.append('"').append(t.trim()).append("\", ");
        }
        yaml.setLength(yaml.length() - 2);
        MigrationConfig without = ConfigLoader.parse(yaml.append("]\n").toString(), "test");
        Migrations.run(source, target, without, Migrations.small());
        assertThat(Migrations.count(target, "plain")).isOne();
    }
}
