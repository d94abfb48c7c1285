package dev.ferry.engine.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.destination.PostgresTarget;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.8: a rollback writes back only the columns the source lets a client write. A computed
 * column whose expression Ferry cannot translate became a plain column on the target and was copied;
 * writing the target's value back made the source refuse the whole batch (SQL Server error 271, H2
 * 90154). It is now left to the source, which computes it, and the rollback says so.
 */
class SourceWriteBackIT {
    @Test
    void aComputedColumnThatBecamePlainIsLeftToTheSourceAndNamed() throws Exception {
        String source = "jdbc:h2:mem:writeback;MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ITEM (ID INT PRIMARY KEY, NAME VARCHAR(20) NOT NULL, "
                    + "CODE VARCHAR(4) GENERATED ALWAYS AS (SOUNDEX(NAME)))");
            st.execute("INSERT INTO ITEM (ID, NAME) VALUES (1, 'Robert'), (2, 'Rupert')");
        }
        String target = TestPostgres.newDatabase("writeback_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        assertThat(migrated.plan().schema().tables().get(0).column("CODE").orElseThrow().isGenerated())
                .as("SOUNDEX has no translation: a plain column on the target").isFalse();
        PostgresChangeCapture capture = new PostgresChangeCapture();
        Map<TableRef, List<String>> keys = new HashMap<>();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            List<Table> tables = PostgresTarget.readBack(c).tables();
            tables.forEach(t -> keys.put(t.ref(), t.copyKey()));
            capture.install(c, tables);
            st.execute("INSERT INTO \"ITEM\" (\"ID\", \"NAME\", \"CODE\") VALUES (3, 'Tymczak', 'T522')");
            st.execute("UPDATE \"ITEM\" SET \"NAME\" = 'Ashcraft', \"CODE\" = 'XXXX' WHERE \"ID\" = 1");
        }
        SourceWriteBack writeBack = new SourceWriteBack(migrated.plan().schema(), new H2Dialect(), capture, keys);
        assertThat(writeBack.drain(Migrations.connections(target), Migrations.connections(source))).isEqualTo(2);
        assertThat(writeBack.leftToSource()).containsExactly("PUBLIC.ITEM.CODE: generated column (H2 computes it)");
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, NAME, CODE FROM ITEM ORDER BY ID")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append(';');
            }
            assertThat(rows.toString()).isEqualTo("1 Ashcraft A261;2 Rupert R163;3 Tymczak T522;");
        }
    }
}
