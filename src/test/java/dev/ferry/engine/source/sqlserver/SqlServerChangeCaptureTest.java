package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DataType;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.CatalogQuery;
import dev.ferry.engine.source.Change;
import dev.ferry.engine.source.ChangeCapture;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change Tracking capture against a fixture of what SQL Server answers (its current version, the
 * tracked tables' keys and minimum valid versions, CHANGETABLE's net changes): batches end on whole
 * versions, never pass the current version, and a table whose changes were cleaned up becomes a
 * whole-table change instead of losing them. The queries themselves run in SqlServerContainerIT.
 */
class SqlServerChangeCaptureTest {
    /** The fixture file's shape. */
    record Fixture(@JsonProperty("current_version") long currentVersion,
                   @JsonProperty("tracked_key_columns") List<ChangeTrackingReader.TrackedKeyColumn> trackedKeyColumns,
                   Map<String, List<ChangeTrackingReader.VersionedKey>> changes) {
    }

    /** Answers as CHANGETABLE would from the fixture's rows: after, up to, top, in version order. */
    static class FixtureReader implements ChangeTrackingReader {
        final Fixture fixture;

        FixtureReader(Fixture fixture) {
            this.fixture = fixture;
        }

        @Override
        public long currentVersion() {
            return fixture.currentVersion();
        }

        @Override
        public List<TrackedKeyColumn> trackedKeyColumns() {
            return fixture.trackedKeyColumns();
        }

        @Override
        public Map<TableRef, Long> minValidVersions() {
            Map<TableRef, Long> out = new java.util.HashMap<>();
            TrackedTable.of(trackedKeyColumns()).forEach(t -> out.put(t.ref(), t.minValidVersion()));
            return out;
        }

        @Override
        public Pending pending(TrackedTable table, long after, long upTo) {
            List<VersionedKey> rows = changes(table, after, upTo, null);
            return new Pending(rows.size(), rows.isEmpty() ? 0 : rows.get(0).version());
        }

        @Override
        public List<VersionedKey> changes(TrackedTable table, long after, long upTo, Integer top) {
            return fixture.changes().getOrDefault(table.ref().toString(), List.of()).stream()
                    .filter(k -> k.version() > after && k.version() <= upTo)
                    .limit(top == null ? Long.MAX_VALUE : top).toList();
        }
    }

    /** The tables the migration holds; legacy.Outbox is tracked by another application. */
    static final java.util.Set<TableRef> MIGRATED = java.util.Set.of(new TableRef("dbo", "AuditLog"), new TableRef("dbo", "Customer"),
            new TableRef("sales", "OrderLine"));

    private static Fixture fixture() throws Exception {
        try (InputStream in = SqlServerChangeCaptureTest.class.getResourceAsStream("/fixtures/sqlserver-change-tracking.json")) {
            return CatalogQuery.ROWS.readValue(in, Fixture.class);
        }
    }

    private static ChangeCapture capture() throws Exception {
        Fixture f = fixture();
        return new SqlServerChangeCapture(c -> new FixtureReader(f)).scopedTo(MIGRATED);
    }

    @Test
    void aTableWhoseChangesWereCleanedUpIsResynchronizedWholeAndTheRestReadUpToTheCurrentVersion() throws Exception {
        List<Change> changes = capture().changesAfter(null, 50, 1_000);
        assertThat(changes).extracting(Change::position).containsExactly(60L, 96L, 97L, 97L, 97L, 110L, 120L);
        Change whole = changes.get(changes.size() - 1);
        assertThat(whole.isWholeTable()).isTrue();
        assertThat(whole.table()).isEqualTo(new TableRef("dbo", "AuditLog"));
        assertThat(changes).filteredOn(c -> !c.isWholeTable()).extracting(c -> c.table().name())
                .doesNotContain("AuditLog");
        assertThat(changes.get(0).key()).containsExactly("6F9619FF-8B86-D011-B42D-00C04FC964FF", "1");
    }

    @Test
    void aBatchEndsOnAWholeVersionAndTheNextOneGoesOnFromThere() throws Exception {
        ChangeCapture capture = capture();
        List<Change> first = capture.changesAfter(null, 95, 2);
        assertThat(first).extracting(Change::position).containsExactly(96L, 97L, 97L, 97L);
        assertThat(first).extracting(c -> c.key().get(0)).contains("11", "12", "6F9619FF-8B86-D011-B42D-00C04FC964FF");
        List<Change> next = capture.changesAfter(null, first.get(first.size() - 1).position(), 2);
        assertThat(next).extracting(Change::position).containsExactly(110L);
        assertThat(next.get(0).key()).containsExactly("3");
        assertThat(capture.changesAfter(null, 110, 2)).as("125 and 121 are past the current version").isEmpty();
    }

    /** Issue 14.7: another application's tracked table neither reaches the sync nor counts in its lag. */
    @Test
    void onlyTheMigratedTablesAreReadIssue14() throws Exception {
        Fixture f = fixture();
        SqlServerChangeCapture everything = new SqlServerChangeCapture(c -> new FixtureReader(f));
        assertThat(everything.changesAfter(null, 110, 1_000)).extracting(c -> c.table().toString()).containsExactly("legacy.Outbox");
        assertThat(capture().changesAfter(null, 110, 1_000)).isEmpty();
        assertThat(capture().lag(null, 110)).isEqualTo(new ChangeCapture.Lag(0, 0));
    }

    /**
     * Issue 14.4: cleanup runs between the minimum-valid-version check and CHANGETABLE (no snapshot
     * isolation): Customer's changes up to 100 are gone when they are read. Checked after the read,
     * the table comes back whole instead of missing version 96 and 97.
     */
    @Test
    void aTableCleanedUpWhileItsChangesWereReadComesBackWholeIssue14() throws Exception {
        Fixture f = fixture();
        FixtureReader racing = new FixtureReader(f) {
            boolean cleaned;

            @Override
            public List<VersionedKey> changes(TrackedTable table, long after, long upTo, Integer top) {
                List<VersionedKey> rows = super.changes(table, after, upTo, top);
                if (table.ref().name().equals("Customer")) {
                    cleaned = true;
                    return rows.stream().filter(k -> k.version() > 100).toList();
                }
                return rows;
            }

            @Override
            public Map<TableRef, Long> minValidVersions() {
                Map<TableRef, Long> out = super.minValidVersions();
                if (cleaned) {
                    out.put(new TableRef("dbo", "Customer"), 100L);
                }
                return out;
            }
        };
        List<Change> changes = new SqlServerChangeCapture(c -> racing).scopedTo(MIGRATED).changesAfter(null, 95, 1_000);
        assertThat(changes).filteredOn(Change::isWholeTable).extracting(c -> c.table().name()).containsExactly("Customer");
        assertThat(changes).filteredOn(c -> !c.isWholeTable()).extracting(c -> c.table().name()).doesNotContain("Customer");
        assertThat(changes.get(changes.size() - 1).position()).isEqualTo(120L);
    }

    /** Issue 14.3: default CONVERT styles round float, real and money keys and read bytes as characters. */
    @Test
    void keysOfFloatMoneyBinaryAndHierarchyidAreReadLosslesslyIssue14() {
        assertThat(TrackedTable.keyText("Rate", "float")).isEqualTo("CONVERT(nvarchar(40), ct.[Rate], 3)");
        assertThat(TrackedTable.keyText("Rate", "real")).isEqualTo("CONVERT(nvarchar(40), ct.[Rate], 3)");
        assertThat(TrackedTable.keyText("Price", "money")).isEqualTo("CONVERT(nvarchar(40), ct.[Price], 2)");
        assertThat(TrackedTable.keyText("Price", "smallmoney")).isEqualTo("CONVERT(nvarchar(40), ct.[Price], 2)");
        assertThat(TrackedTable.keyText("Hash", "varbinary")).isEqualTo("N'\\x' + CONVERT(nvarchar(max), ct.[Hash], 2)");
        assertThat(TrackedTable.keyText("Node", "hierarchyid")).isEqualTo("ct.[Node].ToString()");
        assertThat(TrackedTable.keyText("Id", "decimal")).isEqualTo("CONVERT(nvarchar(4000), ct.[Id])");
    }

    /** Issue 14.10: TYPE_NAME(240) is NULL for CLR types; the key's type comes from sys.types, and an unknown one is named. */
    @Test
    void aHierarchyidKeyIsTypedThroughSysTypesAndAnUnknownTypeIsNamed() {
        assertThat(SqlServerChangeTrackingReader.TRACKED_KEY_COLUMNS).contains("JOIN sys.types ty ON ty.user_type_id = c.user_type_id")
                .doesNotContain("TYPE_NAME(c.system_type_id) AS type_name");
        TrackedTable org = TrackedTable.of(new java.util.ArrayList<>(List.of(new ChangeTrackingReader.TrackedKeyColumn("dbo", "OrgNode",
                "Node", "hierarchyid", 1, 5L)))).get(0);
        assertThat(org.changesQuery(null)).contains("ct.[Node].ToString()");
        assertThatThrownBy(() -> TrackedTable.of(new java.util.ArrayList<>(List.of(new ChangeTrackingReader.TrackedKeyColumn("dbo",
                "OrgNode", "Node", null, 1, 5L))))).isInstanceOf(FerryException.class).hasMessageContaining("dbo.OrgNode")
                .hasMessageContaining("'Node'");
    }

    /** commit_time is UTC; GETDATE() is the server's local time (issue 14). */
    @Test
    void theLagDatesCommitsAgainstUtc() {
        assertThat(SqlServerChangeCapture.COMMIT_TIME_AGE).contains("SYSUTCDATETIME()").doesNotContain("GETDATE()");
    }

    @Test
    void keysAreReadAsTextThatBindsBack() {
        TrackedTable t = new TrackedTable(new TableRef("dbo", "Audit]Log"), List.of("LoggedAt", "Seq"), List.of("datetime2", "bigint"), 1);
        assertThat(t.changesQuery(500)).isEqualTo("SELECT TOP (500) ct.SYS_CHANGE_VERSION, CONVERT(nvarchar(40), ct.[LoggedAt], 126), "
                + "CONVERT(nvarchar(4000), ct.[Seq]) FROM CHANGETABLE(CHANGES [dbo].[Audit]]Log], ?) AS ct "
                + "WHERE ct.SYS_CHANGE_VERSION <= ? ORDER BY ct.SYS_CHANGE_VERSION");
        assertThat(t.changesQuery(null)).startsWith("SELECT ct.SYS_CHANGE_VERSION, ");
        assertThat(t.pendingQuery()).isEqualTo("SELECT COUNT_BIG(*), COALESCE(MIN(ct.SYS_CHANGE_VERSION), 0) FROM CHANGETABLE(CHANGES "
                + "[dbo].[Audit]]Log], ?) AS ct WHERE ct.SYS_CHANGE_VERSION <= ?");
    }

    @Test
    void keyColumnsComeInKeyOrder() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/sqlserver-change-tracking.json")) {
            Fixture f = CatalogQuery.ROWS.readValue(in, Fixture.class);
            TrackedTable orderLine = TrackedTable.of(f.trackedKeyColumns()).stream()
                    .filter(t -> t.ref().name().equals("OrderLine")).findFirst().orElseThrow();
            assertThat(orderLine.keyColumns()).containsExactly("OrderId", "LineNo");
            assertThat(orderLine.keyTypes()).containsExactly("uniqueidentifier", "smallint");
        }
    }

    @Test
    void aTableWithoutAPrimaryKeyIsRefusedByName() {
        Table heap = new Table(new TableRef("dbo", "ImportHeap"), List.of(Column.of("Line", new DataType("nvarchar", 200, null, null), true)),
                null, List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> new SqlServerChangeCapture().install(null, List.of(heap)))
                .isInstanceOf(FerryException.class).hasMessageContaining("dbo.ImportHeap").hasMessageContaining("primary key")
                .extracting(e -> ((FerryException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void denyWriteWithoutPrincipalsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SqlServerWriteFreeze(FreezeConfig.defaults()).freeze(null))
                .isInstanceOf(FerryException.class).hasMessageContaining("freeze.denyWriteTo");
        assertThat(new SqlServerWriteFreeze(new FreezeConfig(FreezeConfig.SqlServerFreeze.READ_ONLY, null)).letsFerryWrite()).isFalse();
    }
}
