package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.source.CatalogQuery;
import dev.ferry.engine.source.sqlserver.SqlServerWriteFreeze.Deny;
import dev.ferry.engine.source.sqlserver.SqlServerWriteFreeze.Prior;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deny-write fence's decisions (issues 20 and 14.1, 14.11) against a fixture of what SQL Server
 * answers: it refuses, naming the reason, an application the deny could not stop (dbo, sysadmin,
 * db_owner, a table's owner, a same-owner procedure it may execute) and Ferry lacking a permission
 * the freeze relies on; it adds only denies that were not there, gives back the grants they
 * replaced, and undoes the deny when the application can still write afterwards. The statements
 * run against a real server in SqlServerContainerIT.
 */
class SqlServerWriteFreezeTest {
    /** The fixture file's shape. */
    record Fixture(@JsonProperty("azure_sql_database") boolean azureSqlDatabase,
                   @JsonProperty("ferry_holds") Set<SqlServerFreezePermission> ferryHolds,
                   List<SqlServerFreezeFacts.PrincipalRow> principals, Map<String, List<String>> users,
                   @JsonProperty("database_writes") List<SqlServerFreezeFacts.PermissionRow> databaseWrites,
                   @JsonProperty("ownership_chains") Map<String, List<SqlServerFreezeFacts.ChainRow>> ownershipChains,
                   @JsonProperty("writable_after_deny") Map<String, List<String>> writableAfterDeny) {
        Fixture with(boolean azure, Set<SqlServerFreezePermission> holds) {
            return new Fixture(azure, holds, principals, users, databaseWrites, ownershipChains, writableAfterDeny);
        }

        Fixture writable(Map<String, List<String>> after) {
            return new Fixture(azureSqlDatabase, ferryHolds, principals, users, databaseWrites, ownershipChains, after);
        }
    }

    /** Answers as the catalog queries would from the fixture's rows, names matched as a case-insensitive catalog collation does. */
    record FixtureFacts(Fixture f) implements SqlServerFreezeFacts {
        @Override
        public boolean azureSqlDatabase() {
            return f.azureSqlDatabase();
        }

        @Override
        public Set<SqlServerFreezePermission> ferryHolds(Set<SqlServerFreezePermission> asked) {
            Set<SqlServerFreezePermission> out = EnumSet.noneOf(SqlServerFreezePermission.class);
            asked.stream().filter(f.ferryHolds()::contains).forEach(out::add);
            return out;
        }

        @Override
        public Optional<PrincipalRow> principal(String name) {
            return f.principals().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
        }

        @Override
        public List<String> users(String principal) {
            return f.users().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(principal)).map(Map.Entry::getValue)
                    .findFirst().orElse(List.of());
        }

        @Override
        public List<PermissionRow> databaseWrites() {
            return f.databaseWrites();
        }

        @Override
        public List<ChainRow> ownershipChains(String user) {
            return f.ownershipChains().getOrDefault(user, List.of());
        }

        @Override
        public List<String> writableTables(String user) {
            return f.writableAfterDeny().getOrDefault(user, List.of());
        }
    }

    static Fixture fixture() throws Exception {
        try (InputStream in = SqlServerWriteFreezeTest.class.getResourceAsStream("/fixtures/sqlserver-freeze.json")) {
            return CatalogQuery.ROWS.readValue(in, Fixture.class);
        }
    }

    private static FreezeConfig denyTo(String... principals) {
        return new FreezeConfig(FreezeConfig.SqlServerFreeze.DENY_WRITE, List.of(principals));
    }

    private static Optional<String> cannotFreeze(FreezeConfig config, Fixture f) {
        return new SqlServerWriteFreeze(config, c -> new FixtureFacts(f)).cannotFreeze(null);
    }

    @Test
    void anApplicationTheDenyCannotStopIsRefusedNamingWhyIssue14() throws Exception {
        Fixture f = fixture();
        assertThat(cannotFreeze(denyTo("crm_app"), f)).as("a plain user with Ferry holding what it needs").isEmpty();
        assertThat(cannotFreeze(denyTo("dbo"), f)).get().asString().contains("'dbo' is the database owner (dbo)")
                .contains("freeze.sqlServer: read-only");
        assertThat(cannotFreeze(denyTo("crm_owner"), f)).get().asString().contains("'crm_owner' owns sales.Invoice");
        assertThat(cannotFreeze(denyTo("crm_admin"), f)).get().asString().contains("'crm_admin' is a member of db_owner");
        assertThat(cannotFreeze(denyTo("crm_writers"), f)).get().asString()
                .contains("'crm_batch' (a member of 'crm_writers') logs in as a member of sysadmin");
        assertThat(cannotFreeze(denyTo("crm_reports"), f)).get().asString()
                .contains("'crm_reports' may execute dbo.usp_AddOrder, which has the owner of dbo.Order: ownership chaining")
                .contains("holds UPDATE WITH GRANT OPTION");
        assertThat(cannotFreeze(denyTo("crm_app", "nobody"), f)).get().asString().contains("'nobody', which is no user or role");
    }

    @Test
    void ferrysMissingPermissionsAreNamedForSqlServerAndAzureSqlIssue14() throws Exception {
        Fixture f = fixture();
        assertThat(cannotFreeze(denyTo("crm_app"), f.with(false, EnumSet.of(SqlServerFreezePermission.CONTROL_DATABASE,
                SqlServerFreezePermission.ALTER_ANY_CONNECTION)))).get().asString()
                .contains("lacks VIEW SERVER STATE (server) on SQL Server").contains("sys.dm_exec_sessions")
                .doesNotContain("ALTER ANY CONNECTION");
        assertThat(cannotFreeze(denyTo("crm_app"), f.with(true, EnumSet.of(SqlServerFreezePermission.CONTROL_DATABASE))))
                .get().asString().contains("lacks VIEW DATABASE STATE on the database on Azure SQL Database")
                .contains("lacks KILL DATABASE CONNECTION").doesNotContain("VIEW SERVER STATE");
        FreezeConfig readOnly = new FreezeConfig(FreezeConfig.SqlServerFreeze.READ_ONLY, null);
        assertThat(cannotFreeze(readOnly, f.with(false, EnumSet.noneOf(SqlServerFreezePermission.class)))).get().asString()
                .contains("lacks ALTER on the database").contains("READ_ONLY");
        assertThat(cannotFreeze(readOnly, f)).as("read-only stops owners too: no principal checks").isEmpty();
    }

    @Test
    void theFreezeItselfRefusesBeforeTouchingTheDatabase() throws Exception {
        Fixture f = fixture().with(false, EnumSet.of(SqlServerFreezePermission.CONTROL_DATABASE));
        // a null connection: any statement would fail with a NullPointerException, not this refusal
        assertThatThrownBy(() -> new SqlServerWriteFreeze(denyTo("crm_app"), c -> new FixtureFacts(f)).freeze(null))
                .isInstanceOf(FerryException.class).hasMessageContaining("VIEW SERVER STATE");
    }

    @Test
    void aFreezeDeniesThenChecksAsTheApplicationThenEndsItsTransactions() throws Exception {
        RecordingSqlServer server = new RecordingSqlServer();
        Fixture f = fixture();
        new SqlServerWriteFreeze(denyTo("crm_app"), c -> new FixtureFacts(f)).freeze(server.connection());
        assertThat(server.statements).containsExactly("DENY INSERT TO [crm_app]", "DENY UPDATE TO [crm_app]",
                SqlServerWriteFreeze.OPEN_WRITERS);
        assertThat(server.journal).isEqualTo("INSERT+G crm_app\nUPDATE crm_app\n");
    }

    /**
     * Review fix: {@code denyWriteTo: [CRM_APP]} names the catalog's {@code crm_app} (case-insensitive
     * collation); its GRANT INSERT must be recorded so the release gives it back, the owners' DENY
     * DELETE must not be added again, and a grant option must still be refused.
     */
    @Test
    void aPrincipalNamedInAnotherCaseIsFencedAndReleasedAsTheCatalogSpellsIt() throws Exception {
        RecordingSqlServer server = new RecordingSqlServer();
        Fixture f = fixture();
        new SqlServerWriteFreeze(denyTo("CRM_APP"), c -> new FixtureFacts(f)).freeze(server.connection());
        assertThat(server.statements).containsExactly("DENY INSERT TO [crm_app]", "DENY UPDATE TO [crm_app]",
                SqlServerWriteFreeze.OPEN_WRITERS);
        assertThat(server.journal).isEqualTo("INSERT+G crm_app\nUPDATE crm_app\n");
        assertThat(cannotFreeze(denyTo("Crm_Reports"), f)).get().asString().contains("holds UPDATE WITH GRANT OPTION");
    }

    /**
     * Review fix: a check made as the application's user that fails between EXECUTE AS and REVERT
     * must not hand the session back still acting as that user: the batch reverts in its CATCH, and
     * a failure it cannot catch (a cancel) aborts the connection.
     */
    @Test
    void aCheckFailingAsTheApplicationsUserRevertsAndAbortsTheSession() {
        for (String sql : List.of(SqlServerFreezeCatalog.WRITABLE_TABLES, SqlServerFreezeCatalog.OWNERSHIP_CHAINS)) {
            RecordingSqlServer server = new RecordingSqlServer();
            server.failing = sql;
            SqlServerFreezeCatalog catalog = new SqlServerFreezeCatalog(server.connection());
            assertThatThrownBy(() -> {
                if (sql.equals(SqlServerFreezeCatalog.WRITABLE_TABLES)) {
                    catalog.writableTables("crm_app");
                } else {
                    catalog.ownershipChains("crm_app");
                }
            }).isInstanceOf(FerryException.class).hasMessageContaining("crm_app");
            assertThat(server.statements).containsExactly(sql, RecordingSqlServer.ABORT);
            assertThat(sql).as("the batch reverts when a statement after EXECUTE AS fails")
                    .containsSubsequence("BEGIN TRY", "EXECUTE AS USER = @user;", "REVERT;", "END TRY", "BEGIN CATCH",
                            "IF @switched = 1 REVERT;", "THROW;", "END CATCH;");
        }
    }

    /** Issue 14.1: writes after the final drain are lost writes, so a deny that does not hold undoes itself and stops the cutover. */
    @Test
    void aDenyTheApplicationCanStillWritePastIsUndoneAndTheFreezeFailsNamingUserAndTableIssue14() throws Exception {
        RecordingSqlServer server = new RecordingSqlServer();
        Fixture f = fixture().writable(Map.of("crm_app", List.of("dbo.Customer", "dbo.Order")));
        assertThatThrownBy(() -> new SqlServerWriteFreeze(denyTo("crm_app"), c -> new FixtureFacts(f)).freeze(server.connection()))
                .isInstanceOf(FerryException.class).hasMessageContaining("user 'crm_app'")
                .hasMessageContaining("can still write dbo.Customer, dbo.Order").hasMessageContaining("writable again");
        assertThat(server.statements).as("nobody's session was ended; the grant the deny replaced is back").containsExactly(
                "DENY INSERT TO [crm_app]", "DENY UPDATE TO [crm_app]", "REVOKE INSERT TO [crm_app]", "GRANT INSERT TO [crm_app]",
                "REVOKE UPDATE TO [crm_app]");
        assertThat(server.journal).isNull();
    }

    @Test
    void aDenyTheOwnersSetBeforeIsNeitherAddedNorRecordedAndAReplacedGrantIsRemembered() throws Exception {
        List<Deny> added = SqlServerWriteFreeze.toAdd(List.of("crm_app", "crm_jobs"), fixture().databaseWrites());
        assertThat(added).containsExactly(new Deny("crm_app", "INSERT", Prior.GRANT), new Deny("crm_app", "UPDATE", Prior.NONE),
                new Deny("crm_jobs", "INSERT", Prior.NONE), new Deny("crm_jobs", "UPDATE", Prior.NONE),
                new Deny("crm_jobs", "DELETE", Prior.NONE));
    }

    /** Issue 14.11: DENY replaced crm_app's database-scope GRANT INSERT; REVOKE alone would leave it with nothing. */
    @Test
    void theReleaseGivesBackTheGrantADenyReplacedIssue14() {
        List<Deny> denies = SqlServerWriteFreeze.recorded(SqlServerWriteFreeze.journal(List.of(new Deny("crm_app", "INSERT", Prior.GRANT),
                new Deny("crm_app", "UPDATE", Prior.NONE))));
        assertThat(SqlServerWriteFreeze.releaseStatements(denies)).containsExactly("REVOKE INSERT TO [crm_app]", "GRANT INSERT TO [crm_app]",
                "REVOKE UPDATE TO [crm_app]");
        assertThat(SqlServerWriteFreeze.recorded("DELETE crm_app\n")).as("a journal an older Ferry wrote")
                .containsExactly(new Deny("crm_app", "DELETE", Prior.NONE));
    }

    @Test
    void theJournalGivesBackExactlyWhatWasDeniedWhateverThePrincipalsAreCalled() {
        List<Deny> denies = List.of(new Deny("crm app", "INSERT", Prior.NONE), new Deny("DOMAIN\\svc-crm]'\"", "UPDATE", Prior.GRANT),
                new Deny("ünïcødé 🍳", "DELETE", Prior.NONE), new Deny(" leading space", "INSERT", Prior.GRANT),
                new Deny("+G x", "INSERT", Prior.NONE));
        assertThat(SqlServerWriteFreeze.recorded(SqlServerWriteFreeze.journal(denies))).isEqualTo(denies);
        assertThat(SqlServerWriteFreeze.recorded(SqlServerWriteFreeze.READ_ONLY_MARK + "\n")).isEmpty();
        assertThat(SqlServerWriteFreeze.recorded(null)).isEmpty();
    }

    @Test
    void aPrincipalWithALineBreakAndAForeignJournalAreRefusedByName() {
        assertThatThrownBy(() -> SqlServerWriteFreeze.journal(List.of(new Deny("two\nlines", "INSERT", Prior.NONE))))
                .hasMessageContaining("two");
        assertThatThrownBy(() -> SqlServerWriteFreeze.recorded("GRANT crm_app\n")).hasMessageContaining("ferry_fence")
                .hasMessageContaining("GRANT crm_app");
    }
}
