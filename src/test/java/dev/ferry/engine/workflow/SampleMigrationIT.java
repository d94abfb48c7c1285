package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.sample.EdgeValues;
import dev.ferry.sample.SampleDataGenerator;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.support.Migrations;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** H2 (SQL Server mode) → PostgreSQL with the demo data: every row and every edge value arrives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleMigrationIT {
    private static final int SCALE = 60;
    private String source;
    private String target;
    private MigrationRunner.Result result;

    @BeforeAll
    void migrate() throws Exception {
        source = SampleSource.create("copy", SCALE);
        target = TestPostgres.newDatabase("copy");
        result = Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
    }

    @Test
    void everyTableHasEveryRow() throws Exception {
        Map<String, Integer> expected = new SampleDataGenerator(42, SCALE).rowCounts();
        for (String table : SampleDatabase.TABLES) {
            assertThat(Migrations.count(target, "\"" + table + "\"")).as(table).isEqualTo(expected.get(table).longValue());
        }
        assertThat(result.report().rows()).isEqualTo(expected.values().stream().mapToLong(Integer::longValue).sum());
        assertThat(result.report().tables()).filteredOn(t -> t.source().equals("PUBLIC.Interaction"))
                .singleElement().satisfies(t -> assertThat(t.chunks()).as("300 rows in chunks of 100").isGreaterThanOrEqualTo(3));
    }

    @Test
    void edgeTextArrivesExactly() throws Exception {
        List<String> notes = column("SELECT notes FROM \"Organization\" WHERE notes IS NOT NULL ORDER BY id");
        assertThat(notes).containsAll(EdgeValues.TEXT);
        assertThat(column("SELECT \"lastName\" FROM \"Contact\" ORDER BY id")).containsAll(EdgeValues.TEXT);
    }

    @Test
    void emptyStringsStayEmptyAndNullsStayNull() throws Exception {
        try (Connection h2 = java.sql.DriverManager.getConnection(source); Statement st = h2.createStatement();
             ResultSet rs = st.executeQuery("SELECT SUM(CASE WHEN [distributor] = '' THEN 1 ELSE 0 END), "
                     + "SUM(CASE WHEN [distributor] IS NULL THEN 1 ELSE 0 END) FROM [Organization]")) {
            rs.next();
            assertThat(column("SELECT count(*) FROM \"Organization\" WHERE distributor = ''")).containsExactly(rs.getString(1));
            assertThat(column("SELECT count(*) FROM \"Organization\" WHERE distributor IS NULL")).containsExactly(rs.getString(2));
        }
    }

    @Test
    void extremeDecimalsArriveExactly() throws Exception {
        List<BigDecimal> revenue = new ArrayList<>();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"annualRevenue\", \"creditLimit\" FROM \"Organization\" ORDER BY id")) {
            while (rs.next()) {
                revenue.add(rs.getBigDecimal(1));
                revenue.add(rs.getBigDecimal(2));
            }
        }
        assertThat(revenue).contains(new BigDecimal("9999999999999999.99"), new BigDecimal("-9999999999999999.99"),
                new BigDecimal("922337203685477.5807"), new BigDecimal("-922337203685477.5808"), new BigDecimal("0.01"));
        assertThat(column("SELECT \"weightedAmount\"::text FROM \"Opportunity\" ORDER BY \"weightedAmount\" DESC LIMIT 1"))
                .containsExactly("9999999999999999999999999999.9999999999");
        assertThat(column("SELECT latitude::text FROM \"Organization\" WHERE latitude > 1e300")).containsExactly("1.7976931348623157e+308");
    }

    @Test
    void sevenDigitTimestampsAreRoundedAndCounted() throws Exception {
        assertThat(column("SELECT min(date)::text || ' / ' || max(date)::text FROM \"Interaction\""))
                .containsExactly("0001-01-01 00:00:00 / 9999-12-31 23:59:59.999999");
        assertThat(column("SELECT count(*) FROM \"Interaction\" WHERE date = '2024-02-29 12:34:56.123457'")).containsExactly("1");
        assertThat(column("SELECT max(\"startTime\")::text FROM \"Interaction\"")).containsExactly("23:59:59.999999");
        long rounded = result.report().tables().stream().filter(t -> t.source().equals("PUBLIC.Interaction"))
                .flatMap(t -> t.roundedValues().values().stream()).mapToLong(Long::longValue).sum();
        assertThat(rounded).as("values whose 100 ns digit was rounded").isGreaterThan(0);
        assertThat(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900)).isEqualTo(EdgeValues.DATETIME2.get(1));
    }

    @Test
    void identitiesRestartAboveTheCopiedKeysAndConstraintsHold() throws Exception {
        assertThat(column("SELECT max(number)::text FROM \"Opportunity\"")).containsExactly(String.valueOf(1000 + SCALE * 2 - 1));
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") "
                    + "SELECT 'new-opp', id, 'New', now() FROM \"Organization\" LIMIT 1");
        }
        assertThat(column("SELECT number::text FROM \"Opportunity\" WHERE id = 'new-opp'")).containsExactly(String.valueOf(1000 + SCALE * 2));
        assertThat(column("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"))
                .containsExactly("16");
    }

    @Test
    void bytesArriveExactly() throws Exception {
        assertThat(column("SELECT encode(avatar, 'hex') FROM \"Contact\" WHERE avatar IS NOT NULL AND length(avatar) < 5 ORDER BY 1"))
                .containsExactly("", "000000", "ff007f80");
    }

    private List<String> column(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
