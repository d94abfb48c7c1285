package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Table;
import dev.ferry.support.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Ferry's catalog queries against a real SQL Server 2022. Runs where Docker runs; where it does
 * not (as on the development machines), JUnit reports it skipped. It also proves the catalog
 * fixture the other tests use is what SQL Server really returns for the same schema.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerContainerIT {
    @Container
    private static final MSSQLServerContainer<?> SQL_SERVER = new MSSQLServerContainer<>(
            DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-latest")).acceptLicense();

    @Test
    void readsTheSameSchemaAsTheFixture() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword())) {
            try (Statement st = c.createStatement(); InputStream in = getClass().getResourceAsStream("/sqlserver/fixture-schema.sql")) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String batch : script.split("(?m)^GO\\s*$")) {
                    String sql = batch.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
                    if (!sql.isEmpty()) {
                        st.execute(sql);
                    }
                }
            }
            DatabaseSchema live = new SqlServerDialect().introspect(c);
            DatabaseSchema fixture = Fixtures.sqlServerSchema();
            assertThat(live.tables()).extracting(t -> t.ref().toString())
                    .containsExactlyInAnyOrderElementsOf(fixture.tables().stream().map(t -> t.ref().toString()).toList());
            for (Table expected : fixture.tables()) {
                Table actual = live.table(expected.ref()).orElseThrow();
                assertThat(actual.columns()).as(expected.ref().toString()).containsExactlyElementsOf(expected.columns());
                assertThat(actual.primaryKey()).isEqualTo(expected.primaryKey());
                assertThat(actual.uniqueConstraints()).containsExactlyInAnyOrderElementsOf(expected.uniqueConstraints());
                assertThat(actual.indexes()).containsExactlyInAnyOrderElementsOf(expected.indexes());
                assertThat(actual.foreignKeys()).containsExactlyInAnyOrderElementsOf(expected.foreignKeys());
                assertThat(actual.checks()).containsExactlyInAnyOrderElementsOf(expected.checks());
            }
            assertThat(live.otherObjects()).containsExactlyInAnyOrderElementsOf(fixture.otherObjects());
            objectsMatchTheFixture(live, fixture);
            assertThat(new SqlServerDialect().sequences(c)).as("read again at cutover").containsExactlyElementsOf(fixture.sequences());
        }
    }

    /** Issue 15: views (sys.sql_modules, sys.sql_expression_dependencies), sys.sequences and MS_Description as the fixture has them. */
    private static void objectsMatchTheFixture(DatabaseSchema live, DatabaseSchema fixture) {
        assertThat(live.views()).extracting(v -> v.ref().toString())
                .containsExactlyElementsOf(fixture.views().stream().map(v -> v.ref().toString()).toList());
        for (dev.ferry.engine.model.View expected : fixture.views()) {
            dev.ferry.engine.model.View actual = live.view(expected.ref()).orElseThrow();
            assertThat(text(actual.definition())).as(expected.ref().toString()).isEqualTo(text(expected.definition()));
            assertThat(actual.dependsOn()).as(expected.ref().toString()).containsExactlyInAnyOrderElementsOf(expected.dependsOn());
            assertThat(actual.comment()).isEqualTo(expected.comment());
        }
        assertThat(live.sequences()).containsExactlyElementsOf(fixture.sequences());
        for (Table expected : fixture.tables()) {
            Table actual = live.table(expected.ref()).orElseThrow();
            assertThat(actual.comment()).isEqualTo(expected.comment());
        }
    }

    private static String text(String definition) {
        return definition == null ? null
                : dev.ferry.engine.source.expr.ViewDefinitions.withoutComments(definition, true).replaceAll("\\s+", " ").trim();
    }

    /**
     * Change Tracking end to end on a real SQL Server: capture installed before the copy, writes
     * during and after it, the sync drained into PostgreSQL, hash validation at parity; a saved
     * version below a table's minimum valid version re-synchronizes that table whole; removal
     * disables only what Ferry enabled.
     */
    @Test
    void changeTrackingSyncsIntoPostgres() throws Exception {
        java.util.function.Supplier<Connection> source = () -> {
            try {
                return DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        try (Connection c = source.get(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_ct");
        }
        String dbUrl = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_ct";
        java.util.function.Supplier<Connection> db = () -> {
            try {
                return DriverManager.getConnection(dbUrl, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        SqlServerChangeCapture capture = new SqlServerChangeCapture();
        long start;
        try (Connection c = db.get()) {
            dev.ferry.sample.SampleDatabase.createSchema(c);
            new dev.ferry.sample.SampleDataGenerator(7, 5).populate(c);
            start = capture.install(c, new SqlServerDialect().introspect(c).tables());
        }
        String target = dev.ferry.support.TestPostgres.newDatabase("ct_tgt");
        dev.ferry.engine.source.JdbcConnector src = new dev.ferry.engine.source.JdbcConnector("source", dbUrl + ";user="
                + SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
        dev.ferry.engine.workflow.MigrationRunner.Result migrated = new dev.ferry.engine.workflow.MigrationRunner(src,
                new dev.ferry.engine.source.JdbcConnector("target", target, null), dev.ferry.engine.config.MigrationConfig.defaults(),
                dev.ferry.support.Migrations.small().withValidate(false), dev.ferry.engine.copy.CopyProgress.NONE, l -> { }).run();
        try (Connection c = db.get(); Statement st = c.createStatement()) {
            st.execute("UPDATE [Organization] SET city = N'Changed' WHERE id = (SELECT MIN(id) FROM [Organization])");
            st.execute("DELETE FROM [Interaction] WHERE id = (SELECT MIN(id) FROM [Interaction])");
            st.execute("INSERT INTO [Setting] (id, category, [key], label, updatedAt) VALUES (N'ct-1', N'ct', N'k', N'l', SYSUTCDATETIME())");
        }
        try (Connection c = dev.ferry.support.TestPostgres.connect(target)) {
            dev.ferry.engine.sync.SyncState.ensure(c);
            dev.ferry.engine.sync.SyncState.save(c, "ct", start);
        }
        java.util.function.Supplier<Connection> pg = () -> {
            try {
                return dev.ferry.support.TestPostgres.connect(target);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        dev.ferry.engine.sync.SyncRunner sync = new dev.ferry.engine.sync.SyncRunner(capture, new SqlServerDialect(),
                migrated.plan().schema(), dev.ferry.engine.config.ValuePolicy.strict(), db, pg, "ct", 100);
        assertThat(sync.drain()).isGreaterThanOrEqualTo(3);
        assertThat(dev.ferry.engine.workflow.ValidationRunner.run(src, new dev.ferry.engine.source.JdbcConnector("target", target, null),
                dev.ferry.engine.config.MigrationConfig.defaults(), dev.ferry.engine.verify.ValidationOptions.of(
                        dev.ferry.engine.verify.ValidationLevel.HASH, dev.ferry.engine.config.ValuePolicy.strict()), java.util.List.of())
                .parity()).isTrue();
        try (Connection c = db.get()) {
            java.util.List<dev.ferry.engine.source.Change> expired = capture.changesAfter(c, -1, 100);
            assertThat(expired).filteredOn(dev.ferry.engine.source.Change::isWholeTable).isNotEmpty();
            capture.remove(c);
            try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM sys.change_tracking_tables")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
    /**
     * The deny-write fence on a real SQL Server (issue 20): the application's user loses its
     * writes, a deny the owners set before the cutover survives the release, and the release
     * undoes exactly what the fence recorded in its extended property.
     */
    @Test
    void theDenyWriteFenceRestoresExactlyWhatItDenied() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_fence_it");
        }
        String db = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_fence_it";
        try (Connection c = DriverManager.getConnection(db, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.account (id int PRIMARY KEY, balance int NOT NULL)");
            st.execute("CREATE USER crm_app WITHOUT LOGIN");
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON dbo.account TO crm_app");
            st.execute("DENY DELETE TO crm_app"); // the owners' own rule, before any cutover
            st.execute("GRANT INSERT TO crm_app"); // database scope: the fence's DENY replaces it (issue 14.11)
            SqlServerWriteFreeze fence = new SqlServerWriteFreeze(new dev.ferry.engine.config.FreezeConfig(
                    dev.ferry.engine.config.FreezeConfig.SqlServerFreeze.DENY_WRITE, java.util.List.of("crm_app")));
            fence.freeze(c);
            assertThat(denies(st)).containsExactlyInAnyOrder("crm_app DELETE", "crm_app INSERT", "crm_app UPDATE");
            st.execute("EXECUTE AS USER = 'crm_app'");
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("INSERT INTO dbo.account VALUES (1, 1)"))
                        .hasMessageContaining("denied");
            } finally {
                st.execute("REVERT");
            }
            fence.unfreeze(c);
            assertThat(denies(st)).as("only the owners' deny is left").containsExactly("crm_app DELETE");
            assertThat(new SqlServerFreezeCatalog(c).databaseWrites()).as("the grant the deny replaced is back")
                    .contains(new SqlServerFreezeFacts.PermissionRow("crm_app", "INSERT", "G"));
        }
    }

    /** Review fix: {@code denyWriteTo: [appuser]} fences the catalog's {@code AppUser} and the release gives its grant back. */
    @Test
    void aPrincipalConfiguredInAnotherCaseGetsItsGrantBack() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_case_it");
        }
        String db = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_case_it";
        try (Connection c = DriverManager.getConnection(db, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.account (id int PRIMARY KEY)");
            st.execute("CREATE USER AppUser WITHOUT LOGIN");
            st.execute("GRANT INSERT TO AppUser");
            SqlServerWriteFreeze fence = new SqlServerWriteFreeze(new dev.ferry.engine.config.FreezeConfig(
                    dev.ferry.engine.config.FreezeConfig.SqlServerFreeze.DENY_WRITE, java.util.List.of("appuser")));
            fence.freeze(c);
            fence.unfreeze(c);
            assertThat(denies(st)).isEmpty();
            assertThat(new SqlServerFreezeCatalog(c).databaseWrites()).containsExactly(
                    new SqlServerFreezeFacts.PermissionRow("AppUser", "INSERT", "G"));
        }
    }

    /** Review fix: the checks made as a user leave the session as Ferry's own, and a failed one aborts the session. */
    @Test
    void checksAsAnotherUserRevertAndAFailedOneAbortsTheSession() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_revert_it");
        }
        String db = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_revert_it";
        try (Connection c = DriverManager.getConnection(db, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.account (id int PRIMARY KEY)");
            st.execute("CREATE USER crm_app WITHOUT LOGIN");
            st.execute("GRANT INSERT ON dbo.account TO crm_app");
            assertThat(new SqlServerFreezeCatalog(c).writableTables("crm_app")).containsExactly("dbo.account");
            assertThat(new SqlServerFreezeCatalog(c).ownershipChains("crm_app")).isEmpty();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT USER_NAME()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("dbo");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SqlServerFreezeCatalog(c).writableTables("no_such_user"))
                    .hasMessageContaining("no_such_user");
            assertThat(c.isClosed()).as("aborted, never handed back").isTrue();
        }
    }

    /**
     * Issue 14.1 on a real server: preflight names a same-owner procedure the application may
     * execute (ownership chaining skips the deny) and an application user owning a table; the deny
     * on a plain user passes and is then checked as that user.
     */
    @Test
    void preflightRefusesWhatTheDenyCannotStop() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_preflight_it");
        }
        String db = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_preflight_it";
        try (Connection c = DriverManager.getConnection(db, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.account (id int PRIMARY KEY, balance int NOT NULL)");
            st.execute("CREATE USER crm_app WITHOUT LOGIN");
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON dbo.account TO crm_app");
            java.util.function.Function<String, dev.ferry.engine.config.FreezeConfig> denyTo = p -> new dev.ferry.engine.config.FreezeConfig(
                    dev.ferry.engine.config.FreezeConfig.SqlServerFreeze.DENY_WRITE, java.util.List.of(p));
            assertThat(new SqlServerWriteFreeze(denyTo.apply("crm_app")).cannotFreeze(c)).isEmpty();
            st.execute("CREATE PROCEDURE dbo.usp_deposit @id int AS INSERT INTO dbo.account VALUES (@id, 0)");
            st.execute("GRANT EXECUTE ON dbo.usp_deposit TO crm_app");
            assertThat(new SqlServerWriteFreeze(denyTo.apply("crm_app")).cannotFreeze(c)).get().asString()
                    .contains("dbo.usp_deposit").contains("ownership chaining");
            st.execute("CREATE USER crm_owner WITHOUT LOGIN");
            st.execute("CREATE SCHEMA owned AUTHORIZATION crm_owner");
            st.execute("CREATE TABLE owned.note (id int PRIMARY KEY)");
            assertThat(new SqlServerWriteFreeze(denyTo.apply("crm_owner")).cannotFreeze(c)).get().asString().contains("owns owned.note");
        }
    }

    /** Issues 14.3, 14.7, 14.10: lossless keys of float, money, binary and hierarchyid, and only the migrated tables read. */
    @Test
    void changeTrackingKeysComeBackLosslesslyForTheMigratedTablesOnly() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_keys_it");
        }
        String db = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_keys_it";
        try (Connection c = DriverManager.getConnection(db, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.rate (k float PRIMARY KEY, m money NOT NULL UNIQUE)");
            st.execute("CREATE TABLE dbo.price (m money PRIMARY KEY)");
            st.execute("CREATE TABLE dbo.blob (k varbinary(16) PRIMARY KEY)");
            st.execute("CREATE TABLE dbo.org (node hierarchyid PRIMARY KEY)");
            st.execute("CREATE TABLE dbo.other_app (id int PRIMARY KEY)");
            SqlServerChangeCapture capture = new SqlServerChangeCapture();
            java.util.List<dev.ferry.engine.model.Table> tables = new SqlServerDialect().introspect(c).tables();
            long start = capture.install(c, tables);
            st.execute("INSERT INTO dbo.rate VALUES (0.1, 1)");
            st.execute("INSERT INTO dbo.price VALUES (12.3456)");
            st.execute("INSERT INTO dbo.blob VALUES (0x0A0B)");
            st.execute("INSERT INTO dbo.org VALUES ('/1/2/')");
            st.execute("INSERT INTO dbo.other_app VALUES (1)");
            java.util.Set<dev.ferry.engine.model.TableRef> migrated = tables.stream().map(dev.ferry.engine.model.Table::ref)
                    .filter(r -> !r.name().equals("other_app")).collect(java.util.stream.Collectors.toSet());
            java.util.Map<String, String> keys = new java.util.HashMap<>();
            capture.scopedTo(migrated).changesAfter(c, start, 100).forEach(ch -> keys.put(ch.table().name(), ch.key().get(0)));
            assertThat(keys).containsOnlyKeys("rate", "price", "blob", "org");
            assertThat(keys.get("blob")).isEqualToIgnoringCase("\\x0A0B");
            assertThat(keys.get("org")).isEqualTo("/1/2/");
            for (String[] lookup : new String[][] {{"dbo.rate", "k", keys.get("rate")}, {"dbo.price", "m", keys.get("price")}}) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + lookup[0] + " WHERE " + lookup[1] + " = ?")) {
                    ps.setString(1, lookup[2]);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as(lookup[0] + " by its key text " + lookup[2]).isEqualTo(1);
                    }
                }
            }
        }
    }

    /**
     * Issue 14.3: binary and varbinary keys, captured as PostgreSQL's {@code \x} hex, are looked up
     * again on SQL Server as bytes of the column's type, by the sync's staging and by the changed-rows
     * check (nvarchar to varbinary is explicit-only, so text failed).
     */
    @Test
    void binaryKeysAreSyncedAndCheckedByKey() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ferry_binkey_it");
        }
        String db = SQL_SERVER.getJdbcUrl() + ";databaseName=ferry_binkey_it;user=" + SQL_SERVER.getUsername();
        java.util.function.Supplier<Connection> source = dev.ferry.support.Migrations.connections(db + ";password=" + SQL_SERVER.getPassword());
        SqlServerChangeCapture capture = new SqlServerChangeCapture();
        long start;
        try (Connection c = source.get(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.vb (k varbinary(16) PRIMARY KEY, n int NOT NULL)");
            st.execute("CREATE TABLE dbo.bin (k binary(4) PRIMARY KEY, n int NOT NULL)");
            st.execute("INSERT INTO dbo.vb SELECT CAST(value AS varbinary(16)), value FROM GENERATE_SERIES(1, 30)");
            st.execute("INSERT INTO dbo.bin SELECT CAST(value AS binary(4)), value FROM GENERATE_SERIES(1, 30)");
            start = capture.install(c, new SqlServerDialect().introspect(c).tables());
        }
        String target = dev.ferry.support.TestPostgres.newDatabase("binkey_ss_tgt");
        dev.ferry.engine.source.JdbcConnector src = new dev.ferry.engine.source.JdbcConnector("source", db, SQL_SERVER.getPassword());
        dev.ferry.engine.workflow.MigrationRunner.Result migrated = new dev.ferry.engine.workflow.MigrationRunner(src,
                new dev.ferry.engine.source.JdbcConnector("target", target, null), dev.ferry.engine.config.MigrationConfig.defaults(),
                dev.ferry.support.Migrations.small().withChunkRows(7).withValidate(false), dev.ferry.engine.copy.CopyProgress.NONE,
                l -> { }).run();
        try (Connection c = source.get(); Statement st = c.createStatement()) {
            st.execute("UPDATE dbo.vb SET n = n + 100 WHERE n <= 3");
            st.execute("DELETE FROM dbo.vb WHERE n = 30");
            st.execute("INSERT INTO dbo.vb VALUES (0x00FF5C, -1)");
            st.execute("UPDATE dbo.bin SET n = n + 100 WHERE n <= 3");
        }
        java.util.Map<dev.ferry.engine.model.TableRef, java.util.List<java.util.List<String>>> keys;
        try (Connection c = source.get()) {
            keys = capture.changesAfter(c, start, 1_000).stream().collect(java.util.stream.Collectors.groupingBy(
                    dev.ferry.engine.source.Change::table, java.util.stream.Collectors.mapping(dev.ferry.engine.source.Change::key,
                            java.util.stream.Collectors.toList())));
        }
        try (Connection c = dev.ferry.support.TestPostgres.connect(target)) {
            dev.ferry.engine.sync.SyncState.ensure(c);
            dev.ferry.engine.sync.SyncState.save(c, "binkey", start);
        }
        java.util.function.Supplier<Connection> pg = dev.ferry.support.Migrations.connections(target);
        new dev.ferry.engine.sync.SyncRunner(capture, new SqlServerDialect(), migrated.plan().schema(),
                dev.ferry.engine.config.ValuePolicy.strict(), source, pg, "binkey", 100).drain();
        assertThat(dev.ferry.support.Migrations.count(target, "vb WHERE n > 100 OR k = '\\x00ff5c'")).isEqualTo(4);
        assertThat(dev.ferry.support.Migrations.count(target, "bin WHERE n > 100")).isEqualTo(3);
        dev.ferry.engine.verify.ChangedRowsCheck check = new dev.ferry.engine.verify.ChangedRowsCheck(new SqlServerDialect(),
                migrated.plan().schema(), dev.ferry.engine.config.ValuePolicy.strict());
        assertThat(check.differences(keys, source, pg)).isEmpty();
        try (Connection c = pg.get(); Statement st = c.createStatement()) {
            st.execute("UPDATE vb SET n = 0 WHERE k = '\\x00ff5c'");
        }
        assertThat(check.differences(keys, source, pg)).containsExactly("dbo.vb DIFFERENT 00ff5c");
    }

    private static java.util.List<String> denies(Statement st) throws java.sql.SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = st.executeQuery(SqlServerFreezeCatalog.DATABASE_WRITES)) {
            while (rs.next()) {
                if (rs.getString(3).strip().equals("D")) {
                    out.add(rs.getString(1) + " " + rs.getString(2).strip());
                }
            }
        }
        return out;
    }

    /** Issue 13: chunk bounds from SQL Server's TABLESAMPLE still partition a text key exactly. */
    @Test
    void sampledChunkBoundsPartitionATextKeyExactly() throws Exception {
        int rows = 200_000;
        int chunkRows = 5_000;
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE dbo.SampledKeys (id nvarchar(40) NOT NULL PRIMARY KEY, v int NOT NULL)");
                st.execute("WITH n AS (SELECT TOP (" + rows + ") ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS i "
                        + "FROM sys.all_objects a CROSS JOIN sys.all_objects b) "
                        + "INSERT INTO dbo.SampledKeys SELECT CONVERT(nvarchar(40), HASHBYTES('MD5', CONVERT(varchar(20), i)), 2), i FROM n");
            }
            SqlServerDialect dialect = new SqlServerDialect();
            Table table = dialect.introspect(c).table(new dev.ferry.engine.model.TableRef("dbo", "SampledKeys")).orElseThrow();
            var chunks = new dev.ferry.engine.plan.ChunkPlanner(dialect, chunkRows).plan(c, table).chunks();
            assertThat(chunks.size()).isBetween(rows / chunkRows, rows / chunkRows + 1);
            long total = 0;
            for (var chunk : chunks) {
                String sql = "SELECT COUNT_BIG(*) FROM dbo.SampledKeys WHERE "
                        + dev.ferry.engine.copy.ChunkSql.predicate(dialect, table.copyKey(), chunk);
                try (var ps = c.prepareStatement(sql)) {
                    var params = dev.ferry.engine.copy.ChunkSql.parameters(chunk);
                    for (int i = 0; i < params.size(); i++) {
                        dialect.bindKey(ps, i + 1, params.get(i));
                    }
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
            assertThat(total).isEqualTo(rows);
        }
    }
}
