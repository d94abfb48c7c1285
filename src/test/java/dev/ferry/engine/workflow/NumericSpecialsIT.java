package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.6: numeric NaN and ±Infinity, and float keys (NaN, ±Infinity, subnormals) as chunk
 * bounds. Both copy paths copy them exactly, the validation compares them (it died on NaN), and a
 * key Ferry cannot use as a bound is refused naming table and column.
 */
class NumericSpecialsIT {
    private static final String SOURCE_DDL = """
            CREATE TABLE float_key (k float8 PRIMARY KEY, r real, v numeric, w numeric(10,2));
            INSERT INTO float_key VALUES ('-Infinity', '-Infinity', '-Infinity', 'NaN'), (-1.7976931348623157e308, -3.4e38, -1.5, -1.50),
                (-4.9e-324, '-1e-45', 0, 0), (0, 0, 'NaN', NULL), (4.9e-324, 1e-45, 'Infinity', 99999999.99), (0.1, 0.1, 0.1, 0.10),
                (0.30000000000000004, 0.3, 1e-1000, 0.3), (1e300, 3.4e38, 1e1000, -99999999.99), ('Infinity', 'Infinity', 2, 2),
                ('NaN', 'NaN', 'NaN', 'NaN');
            CREATE TABLE numeric_key (k numeric PRIMARY KEY, n integer);
            INSERT INTO numeric_key VALUES ('-Infinity', 1), (-1e40, 2), (-0.000000001, 3), (0, 4), (1.5, 5), (1.50000000000000000001, 6),
                (1e40, 7), ('Infinity', 8), ('NaN', 9);
            CREATE TABLE real_pair (a real, b float8, n integer, PRIMARY KEY (a, b));
            INSERT INTO real_pair SELECT a, b, row_number() OVER () FROM unnest(ARRAY['-Infinity', '0', '0.1', 'Infinity', 'NaN']::real[]) a,
                unnest(ARRAY['-Infinity', '1e-310', 'NaN']::float8[]) b;
            """;
    private static final String[][] TABLES = {{"float_key", "k"}, {"numeric_key", "k"}, {"real_pair", "a, b"}};

    @ParameterizedTest(name = "row copy: {0}")
    @ValueSource(booleans = {false, true})
    void nanAndInfinitiesAreCopiedChunkedAndValidated(boolean rowCopy) throws Exception {
        String source = TestPostgres.newDatabase("nan_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
        String target = TestPostgres.newDatabase("nan_tgt");

        MigrationRunner.Result r = Migrations.run(source, target, MigrationConfig.defaults(),
                Migrations.small().withChunkRows(1).withRowCopy(rowCopy));

        for (String[] t : TABLES) {
            assertThat(Migrations.fingerprint(target, t[0], t[1])).as(t[0]).isEqualTo(Migrations.fingerprint(source, t[0], t[1]));
        }
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.float_key")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).as("a bound on every key").isEqualTo(11));
        ValidationReport v = validate(source, target);
        assertThat(v.result()).as(v.summary()).isEqualTo(ValidationReport.Verdict.PARITY);

        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("UPDATE float_key SET v = 'Infinity' WHERE k = 'NaN'");
        }
        ValidationReport changed = validate(source, target);
        assertThat(changed.result()).as("NaN and Infinity differ").isEqualTo(ValidationReport.Verdict.MISMATCH);
        assertThat(changed.summary()).contains("float_key").contains("v source=NaN target=Infinity");
    }

    @Test
    void aKeyThatCannotBeAChunkBoundIsRefusedNamingTableAndColumn() throws Exception {
        String source = TestPostgres.newDatabase("badkey_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE span (\"length?\" interval PRIMARY KEY, n integer);"
                    + "INSERT INTO span SELECT i * interval '1 minute', i FROM generate_series(1, 5) i");
        }
        String target = TestPostgres.newDatabase("badkey_tgt");
        assertThatThrownBy(() -> Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small().withChunkRows(2)))
                .isInstanceOf(FerryException.class).hasMessageContaining("public.span").hasMessageContaining("length?")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE));
    }

    @Test
    void aValueTheDriverCannotReadIsRefusedNamingTableColumnAndKey() throws Exception {
        String source = TestPostgres.newDatabase("badvalue_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE amount (id integer PRIMARY KEY, v text); INSERT INTO amount VALUES (1, '1.5'), (2, 'twelve'), (3, '3')");
        }
        String target = TestPostgres.newDatabase("badvalue_tgt");
        MigrationConfig config = dev.ferry.engine.config.ConfigLoader.parse("cast:\n  columns:\n    public.amount.v: numeric\n", "test");
        assertThatThrownBy(() -> Migrations.run(source, target, config, Migrations.small()))
                .isInstanceOf(FerryException.class).hasMessageContaining("public.amount.v").hasMessageContaining("id=2")
                .hasMessageContaining("twelve")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.DATA));
    }

    private static ValidationReport validate(String source, String target) {
        return ValidationRunner.run(new JdbcConnector("source", source, null), new JdbcConnector("target", target, null),
                MigrationConfig.defaults(), ValidationOptions.of(ValidationLevel.HASH, ValuePolicy.strict()), List.of());
    }
}
