package dev.ferry.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12.8: config mistakes that were silently accepted are refused with {@code CONFIGURATION}
 * (exit 2), naming the key, before the target is touched: a cast on a column that does not exist,
 * a cast type that is not a type (it went verbatim into the DDL), a key given twice, an include
 * pattern that matches no table. A correct config of the same shape still migrates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigMistakesIT {
    private String source;

    @BeforeAll
    void createSource() throws Exception {
        source = TestPostgres.newDatabase("config_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY, code text); INSERT INTO t VALUES (1, 'a'), (2, 'bb')");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cast on a missing column      | cast:\\n  columns:\\n    public.t.nope: text\\n                     | public.t.nope
            cast type with SQL after it   | cast:\\n  columns:\\n    public.t.code: 'varchar(10)); drop table t; --'\\n | public.t.code
            cast type that is a statement | cast:\\n  types:\\n    text: 'text default 1; drop table t'\\n    | cast.types.text
            a key given twice             | names: keep\\nnames: snake_case\\n                                   | names
            a map key given twice         | cast:\\n  columns:\\n    public.t.code: text\\n    public.t.code: varchar(5)\\n | public.t.code
            keys that differ by case only | expressions:\\n  public.t.id: '1'\\n  PUBLIC.T.ID: '2'\\n          | PUBLIC.T.ID
            an include matching nothing   | tables:\\n  include: [\\"public.*\\", \\"nope.*\\"]\\n               | nope.*
            """)
    void aConfigMistakeIsRefusedNamingTheKeyBeforeTheTargetIsTouched(String mistake, String yaml, String key) throws Exception {
        String target = TestPostgres.newDatabase("config_tgt");
        assertThatThrownBy(() -> Migrations.run(source, target, ConfigLoader.parse(yaml.replace("\\n", "\n").replace("\\\"", "\""),
                "ferry.yaml"), Migrations.small()))
                .isInstanceOf(FerryException.class).hasMessageContaining(key)
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
        assertThat(Migrations.count(target, "pg_tables WHERE schemaname = 'public'")).as("nothing created").isZero();
        assertThat(Migrations.count(source, "t")).isEqualTo(2);
    }

    @Test
    void theSameConfigWithoutTheMistakesMigrates() throws Exception {
        String target = TestPostgres.newDatabase("config_tgt");
        Migrations.run(source, target, ConfigLoader.parse("""
                tables:
                  include: ["public.*"]
                cast:
                  columns:
                    public.t.code: varchar(10)
                  types:
                    integer: numeric(12, 0)
                """, "ferry.yaml"), Migrations.small());
        assertThat(Migrations.count(target, "information_schema.columns WHERE table_name = 't' AND column_name = 'code' "
                + "AND data_type = 'character varying' AND character_maximum_length = 10")).isOne();
        assertThat(Migrations.count(target, "t")).isEqualTo(2);
    }
}
