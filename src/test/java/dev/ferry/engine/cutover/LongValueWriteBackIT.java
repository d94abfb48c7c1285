package dev.ferry.engine.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.destination.PostgresTarget;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.support.CappedJvm;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.5: a rollback's write-back read the target's rows of a batch whole (getObject) and held
 * them all; a 100 MB text value updated and a 100 MB bytea value inserted on the target during the
 * health window are now written back to an H2 source in a JVM capped at {@code -Xmx512m}, each
 * streamed from the target in slices.
 */
class LongValueWriteBackIT {
    static final int MB100 = 100_000_000;

    @Test
    void writesBack100MbValuesUnder512Mb(@TempDir Path dir) throws Exception {
        String source = "jdbc:h2:file:" + dir.resolve("src").toAbsolutePath() + ";MODE=MSSQLServer;USER=sa";
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE DOC (ID INT PRIMARY KEY, BODY CLOB, DATA BLOB)");
            st.execute("INSERT INTO DOC SELECT X, 'row ' || X, HASH('SHA-256', CAST(X AS VARCHAR)) FROM SYSTEM_RANGE(1, 3)");
        }
        String target = TestPostgres.newDatabase("long_writeback_tgt");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            new PostgresChangeCapture().install(c, PostgresTarget.readBack(c).tables());
            st.execute("UPDATE \"DOC\" SET \"BODY\" = repeat('grüße 0123', " + MB100 / 10 + ") WHERE \"ID\" = 1");
            st.execute("INSERT INTO \"DOC\" VALUES (4, NULL, convert_to(repeat('0123456789', " + MB100 / 10 + "), 'UTF8'))");
        }
        CappedJvm.Run run = CappedJvm.run(dir, LongValueWriteBackIT.class, source, target);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("changes written back: 2");
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*), MAX(CHAR_LENGTH(BODY)), MAX(OCTET_LENGTH(DATA)), "
                        + "MAX(CASE WHEN ID = 1 THEN RIGHT(BODY, 10) END), MAX(CASE WHEN ID = 4 THEN UTF8TOSTRING(DATA) END) LIKE '%3456789' FROM DOC")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(4);
            assertThat(rs.getLong(2)).isEqualTo(MB100);
            assertThat(rs.getLong(3)).isEqualTo(MB100);
            assertThat(rs.getString(4)).isEqualTo("grüße 0123");
            assertThat(rs.getBoolean(5)).isTrue();
        }
    }

    /** The write-back alone, as a rollback runs it: {@code source-url target-url}. */
    public static void main(String[] args) throws Exception {
        String source = args[0];
        String target = args[1];
        MigrationPlan plan;
        try (Connection c = DriverManager.getConnection(source)) {
            plan = new Planner(new H2Dialect(), MigrationConfig.defaults()).plan(c, source);
        }
        Map<TableRef, List<String>> keys = new HashMap<>();
        try (Connection c = TestPostgres.connect(target)) {
            for (Table t : PostgresTarget.readBack(c).tables()) {
                keys.put(t.ref(), t.copyKey());
            }
        }
        SourceWriteBack writeBack = new SourceWriteBack(plan.schema(), new H2Dialect(), new PostgresChangeCapture(), keys);
        long applied = writeBack.drain(Migrations.connections(target), Migrations.connections(source));
        System.out.println("changes written back: " + applied);
    }
}
