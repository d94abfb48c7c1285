package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.engine.workflow.ValidationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.9: a constraint the source does not guarantee (SQL Server's WITH NOCHECK, PostgreSQL's
 * NOT VALID) may have violating rows; adding it validated failed post-data. It is created NOT VALID,
 * listed in the assessment, and not counted as a schema difference. PostgreSQL's NOT VALID is the
 * case a real database shows here; SQL Server's is the same model (SqlServerCatalogFixtureTest).
 */
class UntrustedConstraintsIT {
    @Test
    void violatingRowsOfAnUnguaranteedConstraintMigrateAndTheConstraintStaysNotValid() throws Exception {
        String source = TestPostgres.newDatabase("untrusted_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE parent (id integer PRIMARY KEY); CREATE TABLE child (id integer PRIMARY KEY, "
                    + "parent_id integer, qty integer); INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1, 5), (2, 99, -3);"
                    + "ALTER TABLE child ADD CONSTRAINT child_qty_check CHECK (qty > 0) NOT VALID;"
                    + "ALTER TABLE child ADD CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES parent NOT VALID");
        }
        String target = TestPostgres.newDatabase("untrusted_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        assertThat(migrated.plan().schema().findings()).filteredOn(f -> f.message().contains("created NOT VALID"))
                .hasSize(2);
        assertThat(Migrations.count(target, "child")).isEqualTo(2);
        assertThat(Migrations.count(target, "pg_constraint WHERE conname IN ('child_qty_check', 'child_parent_fkey') "
                + "AND NOT convalidated")).isEqualTo(2);
        ValidationReport report = ValidationRunner.run(new JdbcConnector("source", source, null), new JdbcConnector("target", target,
                null), MigrationConfig.defaults(), ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()), List.of());
        assertThat(report.result()).as(report.summary()).isEqualTo(ValidationReport.Verdict.PARITY);
    }
}
