package dev.ferry.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chunk bounds of keys whose type is not text although the driver reads them as strings — an enum
 * (cast to text on the target) and a domain over text — compared by the source as that type: the
 * bound is untyped, so the enum's own order decides, and every row arrives once.
 */
class KeyTypesIT {
    @ParameterizedTest(name = "row copy: {0}")
    @ValueSource(booleans = {false, true})
    void enumAndDomainKeysChunkByTheirOwnOrder(boolean rowCopy) throws Exception {
        String source = TestPostgres.newDatabase("keytypes_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');"
                    + "CREATE TABLE feeling (m mood PRIMARY KEY, n integer); INSERT INTO feeling VALUES ('happy', 1), ('sad', 2), ('ecstatic', 3), ('ok', 4);"
                    + "CREATE DOMAIN code AS text CHECK (VALUE <> '');"
                    + "CREATE TABLE coded (c code PRIMARY KEY, n integer); INSERT INTO coded SELECT 'c' || i, i FROM generate_series(1, 7) i");
        }
        String target = TestPostgres.newDatabase("keytypes_tgt");
        MigrationConfig config = ConfigLoader.parse("cast:\n  columns:\n    public.feeling.m: text\n    public.coded.c: text\n", "test");
        MigrationRunner.Result r = Migrations.run(source, target, config, Migrations.small().withChunkRows(1).withRowCopy(rowCopy));
        assertThat(Migrations.count(target, "feeling")).isEqualTo(4);
        assertThat(Migrations.count(target, "coded")).isEqualTo(7);
        assertThat(Migrations.fingerprint(target, "feeling", "n")).isEqualTo(Migrations.fingerprint(source, "feeling", "n"));
        assertThat(r.report().tables()).filteredOn(t -> t.source().equals("public.feeling")).singleElement()
                .satisfies(t -> assertThat(t.chunks()).isEqualTo(5));
    }
}
