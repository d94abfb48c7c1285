package dev.ferry.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationReport.RowDifference;
import dev.ferry.engine.verify.ValidationReport.TableResult;
import dev.ferry.engine.workflow.ValidationRunner;
import dev.ferry.sample.SampleLoader;
import dev.ferry.support.Migrations;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A correct copy passes; the same copy corrupted one way at a time fails, and the report names
 * the table and key and column, or the schema object. For H2 (SQL Server mode, the demo data) and
 * PostgreSQL sources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationIT {
    private final Map<String, String[]> copies = new java.util.HashMap<>();

    @BeforeAll
    void migrateBothSources() throws Exception {
        String h2 = SampleSource.create("validate", 40);
        String h2Target = TestPostgres.newDatabase("validate_h2");
        Migrations.run(h2, h2Target, MigrationConfig.defaults(), Migrations.small());
        copies.put("h2", new String[] {h2, h2Target});
        String pg = TestPostgres.newDatabase("validate_pg_src");
        try (Connection c = TestPostgres.connect(pg)) {
            SampleLoader.load(c, pg, 3, 40);
        }
        String pgTarget = TestPostgres.newDatabase("validate_pg");
        Migrations.run(pg, pgTarget, MigrationConfig.defaults(), Migrations.small());
        copies.put("postgres", new String[] {pg, pgTarget});
    }

    /** A corruption: SQL run on a clone of the target, returning the key it touched (or nothing), and what the report must say. */
    record Corruption(String name, String sql, String table, String kind, String column) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corruptions() {
        List<Corruption> all = List.of(
                new Corruption("delete a row", "DELETE FROM \"Setting\" WHERE id = (SELECT min(id) FROM \"Setting\") RETURNING id",
                        "Setting", "MISSING", null),
                new Corruption("add a row", "INSERT INTO \"Setting\" (id, category, key, label, \"updatedAt\") VALUES ('zz-extra', 'c', 'k', 'l', now()) RETURNING id",
                        "Setting", "EXTRA", null),
                new Corruption("change one column", "UPDATE \"Organization\" SET city = 'Shelbyville' WHERE id = (SELECT min(id) FROM \"Organization\") RETURNING id",
                        "Organization", "DIFFERENT", "city"),
                new Corruption("add a trailing space", "UPDATE \"Contact\" SET \"firstName\" = \"firstName\" || ' ' WHERE id = (SELECT max(id) FROM \"Contact\") RETURNING id",
                        "Contact", "DIFFERENT", "firstName"),
                new Corruption("shift a timestamp by a microsecond", "UPDATE \"Interaction\" SET \"createdAt\" = \"createdAt\" + interval '1 microsecond' "
                        + "WHERE id = (SELECT max(id) FROM \"Interaction\") RETURNING id", "Interaction", "DIFFERENT", "createdAt"),
                new Corruption("change a decimal in its last digit", "UPDATE \"Organization\" SET \"annualRevenue\" = \"annualRevenue\" + 0.01 "
                        + "WHERE id = (SELECT max(id) FROM \"Organization\" WHERE \"annualRevenue\" < 1000000) RETURNING id", "Organization", "DIFFERENT", "annualRevenue"),
                new Corruption("turn an empty string into NULL", "UPDATE \"Organization\" SET distributor = NULL WHERE id = "
                        + "(SELECT min(id) FROM \"Organization\" WHERE distributor = '') RETURNING id", "Organization", "DIFFERENT", "distributor"),
                new Corruption("drop an index", "DROP INDEX \"Organization_name_idx\"", null, "index public.Organization.Organization_name_idx", null),
                new Corruption("drop a foreign key", "ALTER TABLE \"Contact\" DROP CONSTRAINT \"Contact_organizationId_fkey\"", null,
                        "foreign key public.Contact.Contact_organizationId_fkey", null),
                new Corruption("reset a sequence", "SELECT setval(pg_get_serial_sequence('\"public\".\"Opportunity\"', 'number'), 1000, false)", null,
                        "identity public.Opportunity.number", null));
        return Stream.of("h2", "postgres").flatMap(src -> all.stream().map(c -> Arguments.of(src, c)));
    }

    @Test
    void aCorrectCopyIsAtParity() {
        for (String src : List.of("h2", "postgres")) {
            ValidationReport r = validate(src, copies.get(src)[1], ValidationLevel.HASH);
            assertThat(r.result()).as(src + ": " + r.summary()).isEqualTo(ValidationReport.Verdict.PARITY);
            assertThat(r.schema().counts()).containsEntry("indexes", "38 of 38").containsEntry("foreign keys", "16 of 16");
            assertThat(r.tables()).hasSize(10).allMatch(TableResult::equal);
        }
    }

    @Test
    void countLevelComparesRowCounts() {
        ValidationReport r = validate("h2", copies.get("h2")[1], ValidationLevel.COUNT);
        assertThat(r.parity()).isTrue();
        assertThat(r.tables()).allMatch(t -> t.sourceRows() == t.targetRows() && t.sourceRows() > 0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corruptions")
    void eachCorruptionIsCaughtAndNamed(String source, Corruption c) throws Exception {
        String clone = TestPostgres.cloneDatabase(copies.get(source)[1], "corrupt");
        String key = null;
        try (Connection conn = TestPostgres.connect(clone); Statement st = conn.createStatement()) {
            if (st.execute(c.sql())) {
                try (ResultSet rs = st.getResultSet()) {
                    assertThat(rs.next()).as("the corruption touched a row").isTrue();
                    key = rs.getString(1);
                }
            }
        }
        ValidationReport r = validate(source, clone, ValidationLevel.HASH);
        assertThat(r.result()).isEqualTo(ValidationReport.Verdict.MISMATCH);
        if (c.table() == null) {
            assertThat(r.schema().differences()).anySatisfy(d -> assertThat(d).startsWith(c.kind()));
            assertThat(r.tables()).as("the data itself is equal").allMatch(TableResult::equal);
            return;
        }
        TableResult t = r.tables().stream().filter(x -> x.target().equals("public." + c.table())).findFirst().orElseThrow();
        assertThat(t.status()).isEqualTo(ValidationReport.TableStatus.MISMATCH);
        assertThat(r.tables().stream().filter(x -> !x.target().equals("public." + c.table()))).allMatch(TableResult::equal);
        RowDifference d = t.samples().get(0);
        assertThat(t.samples()).hasSize(1);
        assertThat(d.kind().name()).isEqualTo(c.kind());
        assertThat(d.key()).isEqualTo("id=" + key);
        if (c.column() != null) {
            assertThat(d.columns()).singleElement().satisfies(col -> assertThat(col.column()).isEqualTo(c.column()));
        }
        assertThat(r.summary()).contains(c.table()).contains(key);
    }

    @Test
    void aRowInFlightOnALiveSourceIsRecheckedNotReported() throws Exception {
        String clone = TestPostgres.cloneDatabase(copies.get("postgres")[1], "inflight");
        String id;
        String city;
        try (Connection c = TestPostgres.connect(clone); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, city FROM \"Organization\" ORDER BY id LIMIT 1")) {
            rs.next();
            id = rs.getString(1);
            city = rs.getString(2);
        }
        try (Connection c = TestPostgres.connect(clone); Statement st = c.createStatement()) {
            st.execute("UPDATE \"Organization\" SET city = 'in flight' WHERE id = '" + id + "'");
        }
        // the row settles while the validator waits to recheck: the event, not a race against a timer
        java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
        dev.ferry.engine.Pause catchUp = d -> {
            waits.add(d);
            try (Connection c = TestPostgres.connect(clone); Statement st = c.createStatement()) {
                st.execute("UPDATE \"Organization\" SET city = '" + city + "' WHERE id = '" + id + "'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        ValidationReport r = ValidationRunner.run(new JdbcConnector("source", copies.get("postgres")[0], null),
                new JdbcConnector("target", clone, null), MigrationConfig.defaults(),
                ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()).withRecheckAfter(java.time.Duration.ofSeconds(4))
                        .withRecheckPause(catchUp),
                List.of("Organization"));
        assertThat(waits).containsExactly(java.time.Duration.ofSeconds(4));
        assertThat(r.parity()).as(r.summary()).isTrue();
        assertThat(r.tables()).singleElement().satisfies(t -> {
            assertThat(t.settledOnRecheck()).isEqualTo(1);
            assertThat(t.mismatchedBuckets()).isEqualTo(1);
        });
    }

    @Test
    void aDifferenceThatPersistsIsStillReportedAfterTheRecheck() throws Exception {
        String clone = TestPostgres.cloneDatabase(copies.get("postgres")[1], "persist");
        try (Connection c = TestPostgres.connect(clone); Statement st = c.createStatement()) {
            st.execute("UPDATE \"Organization\" SET city = 'still wrong' WHERE id = (SELECT min(id) FROM \"Organization\")");
        }
        ValidationReport r = ValidationRunner.run(new JdbcConnector("source", copies.get("postgres")[0], null),
                new JdbcConnector("target", clone, null), MigrationConfig.defaults(),
                ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()).withRecheckAfter(java.time.Duration.ofMinutes(1))
                        .withRecheckPause(d -> { }), // a minute on no clock: nothing settles while it waits
                List.of("Organization"));
        assertThat(r.parity()).isFalse();
        assertThat(r.tables().get(0).different()).isEqualTo(1);
        assertThat(r.tables().get(0).samples().get(0).columns().get(0).target()).isEqualTo("still wrong");
    }

    private ValidationReport validate(String source, String target, ValidationLevel level) {
        return ValidationRunner.run(new JdbcConnector("source", copies.get(source)[0], null), new JdbcConnector("target", target, null),
                MigrationConfig.defaults(), ValidationOptions.of(level, ValuePolicy.strict()), List.of());
    }
}
