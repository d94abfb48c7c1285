package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.workflow.MigrationActivities;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.7: change capture is turned on for the planned tables only, by {@code ferry sync capture}
 * and by the workflow's capture activity: a table the config excludes is not tracked.
 */
class SyncCaptureScopeIT {
    private static final String EXCLUDE = "tables:\n  exclude: [PUBLIC.legacy]\n";

    private static String source() throws Exception {
        String url = SampleDatabase.h2Url("scope_" + System.nanoTime());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, n INT)");
            st.execute("CREATE TABLE legacy (id INT PRIMARY KEY, n INT)");
        }
        return url;
    }

    private static List<String> captured(String source) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM FERRY_CDC.CAPTURED ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void theCaptureActivityTracksThePlannedTablesOnly() throws Exception {
        String source = source();
        String target = TestPostgres.newDatabase("scope_act_tgt");
        MigrationConfig config = ConfigLoader.parse(EXCLUDE, "test");
        new MigrationActivities(new H2Dialect(), source, config, Migrations.small(), Migrations.connections(source),
                Migrations.connections(target), CopyProgress.NONE, line -> { }).captureChanges();
        assertThat(captured(source)).containsExactly("orders");
    }

    @Test
    void ferrySyncCaptureTracksThePlannedTablesOnly(@TempDir Path dir) throws Exception {
        String source = source();
        String target = TestPostgres.newDatabase("scope_cli_tgt");
        Path config = Files.writeString(dir.resolve("ferry.yaml"), EXCLUDE);
        PlanCommandIT.Run capture = PlanCommandIT.ferry("sync", "capture", "--source", source, "--target", target,
                "--config", config.toString());
        assertThat(capture.exit()).as(capture.err()).isZero();
        assertThat(captured(source)).containsExactly("orders");
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
            st.execute("INSERT INTO orders VALUES (1, 1)");
            st.execute("INSERT INTO legacy VALUES (1, 1), (2, 2)");
        }
        PlanCommandIT.Run status = PlanCommandIT.ferry("sync", "status", "--source", source, "--target", target,
                "--config", config.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("1 changes pending");
    }
}
