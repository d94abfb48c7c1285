package dev.ferry.engine.sync;

import static dev.ferry.support.Migrations.connections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.Change;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.h2.H2ChangeCapture;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.verify.ChangedRowsCheck;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.engine.workflow.ValidationRunner;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.3: binary keys captured as PostgreSQL's {@code \x} hex are looked up again on the source
 * as bytes of the column's type (SQL Server converts nvarchar to varbinary only explicitly; H2, the
 * stand-in here, would read the text's characters). Varbinary and binary primary keys, several
 * chunks each, are synced (update, insert, delete) and checked by key through the same code the
 * SQL Server path uses.
 */
class BinaryKeySyncIT {
    private static final String SOURCE_DDL = """
            CREATE TABLE vb_key (k VARBINARY(16) PRIMARY KEY, n INT, note VARCHAR(20));
            INSERT INTO vb_key SELECT CAST(X AS VARBINARY(16)), X, 'row ' || X FROM SYSTEM_RANGE(1, 40);
            INSERT INTO vb_key VALUES (X'00', 0, 'nul byte'), (X'5c78', -1, 'backslash x'), (X'ff00ff', -2, 'high bytes');
            CREATE TABLE bin_key (k BINARY(4) PRIMARY KEY, n INT);
            INSERT INTO bin_key SELECT CAST(CAST(X AS INT) AS BINARY(4)), X FROM SYSTEM_RANGE(1, 30);
            """;

    @Test
    void binaryKeysAreSyncedAndCheckedByKey() throws Exception {
        String source = SampleDatabase.h2Url("binkey_" + System.nanoTime());
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
        String target = TestPostgres.newDatabase("binkey_tgt");
        MigrationRunner.Result migrated = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small().withChunkRows(7));
        H2ChangeCapture capture = new H2ChangeCapture();
        long start;
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
            start = capture.install(c, new H2Dialect().introspect(c).tables());
            st.execute("UPDATE vb_key SET note = 'edited' WHERE n IN (3, 0, -1, -2)");
            st.execute("DELETE FROM vb_key WHERE n = 5");
            st.execute("INSERT INTO vb_key VALUES (X'0102030405060708090a0b0c0d0e0f10', 99, 'sixteen bytes')");
            st.execute("UPDATE bin_key SET n = n + 100 WHERE n <= 3");
            st.execute("DELETE FROM bin_key WHERE n = 30");
        }
        Map<TableRef, List<List<String>>> keys;
        try (Connection c = DriverManager.getConnection(source)) {
            keys = capture.changesAfter(c, start, 1_000).stream()
                    .collect(Collectors.groupingBy(Change::table, Collectors.mapping(Change::key, Collectors.toList())));
        }
        try (Connection c = TestPostgres.connect(target)) {
            SyncState.ensure(c);
            SyncState.save(c, "binkey", start);
        }
        new SyncRunner(capture, new H2Dialect(), migrated.plan().schema(), ValuePolicy.strict(), connections(source),
                connections(target), "binkey", 100).drain();

        assertThat(Migrations.count(target, "vb_key WHERE note = 'edited'")).isEqualTo(4);
        assertThat(Migrations.count(target, "vb_key WHERE k = '\\x0102030405060708090a0b0c0d0e0f10'::bytea AND n = 99")).isEqualTo(1);
        assertThat(Migrations.count(target, "vb_key WHERE n = 5")).isZero();
        assertThat(Migrations.count(target, "bin_key WHERE n IN (101, 102, 103)")).isEqualTo(3);
        assertThat(Migrations.count(target, "bin_key")).isEqualTo(29);
        ValidationReport report = ValidationRunner.run(new JdbcConnector("source", source, null),
                new JdbcConnector("target", target, null), MigrationConfig.defaults(),
                ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()), List.of());
        assertThat(report.parity()).as(report.toString()).isTrue();

        ChangedRowsCheck check = new ChangedRowsCheck(new H2Dialect(), migrated.plan().schema(), ValuePolicy.strict());
        assertThat(check.differences(keys, connections(source), connections(target))).isEmpty();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE vb_key SET note = 'drifted' WHERE k = '\\x5c78'::bytea");
            st.execute("UPDATE bin_key SET n = -1 WHERE k = '\\x00000001'::bytea");
        }
        // found on both sides by key, so DIFFERENT (a key read on neither side would report nothing)
        assertThat(check.differences(keys, connections(source), connections(target)))
                .containsExactlyInAnyOrder("PUBLIC.vb_key DIFFERENT 5c78", "PUBLIC.bin_key DIFFERENT 00000001");
        // validation's recheck reads each differing row again by key: found on both sides, still different, not settled
        ValidationReport rechecked = ValidationRunner.run(new JdbcConnector("source", source, null),
                new JdbcConnector("target", target, null), MigrationConfig.defaults(),
                ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()).withRecheckAfter(Duration.ofSeconds(1))
                        .withRecheckPause(d -> { }), List.of());
        assertThat(rechecked.tables()).filteredOn(t -> t.source().endsWith("_key")).extracting(t -> t.source() + " "
                + t.different() + "/" + t.settledOnRecheck()).containsExactlyInAnyOrder("PUBLIC.vb_key 1/0", "PUBLIC.bin_key 1/0");
    }
}
