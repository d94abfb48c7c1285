package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.5: a default drawing from a sequence no column owns failed the migration on the target
 * ({@code relation "free_seq" does not exist}, exit 14) while the assessment only listed the
 * sequence. It is refused when the plan is made, naming column, default and sequence, before the
 * target is touched; a default given in the config is taken instead.
 */
class FreeSequenceDefaultIT {
    private static final String SOURCE_DDL = """
            CREATE SEQUENCE free_seq START 100;
            SELECT setval('free_seq', 142);
            CREATE SCHEMA "Odd";
            CREATE SEQUENCE "Odd"."Seq ""1"" x";
            CREATE TABLE ticket (id serial PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('free_seq'), label text);
            CREATE TABLE "Odd".stamp (id integer PRIMARY KEY, n bigint DEFAULT nextval('"Odd"."Seq ""1"" x"'::regclass));
            INSERT INTO ticket (label) VALUES ('a'), ('b');
            """;

    private static String source() throws Exception {
        String source = TestPostgres.newDatabase("freeseq_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
        return source;
    }

    @Test
    void aDefaultOnAFreeSequenceIsRefusedBeforeTheTargetIsTouched() throws Exception {
        String source = source();
        String target = TestPostgres.newDatabase("freeseq_tgt");
        MigrationConfig config = ConfigLoader.parse("expressions:\n  Odd.stamp.n: \"NULL\"\n", "test");
        assertThatThrownBy(() -> Migrations.run(source, target, config, Migrations.small()))
                .isInstanceOf(FerryException.class).hasMessageContaining("public.ticket.number")
                .hasMessageContaining("nextval('free_seq'::regclass)").hasMessageContaining("sequence public.free_seq")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE));
        assertThat(Migrations.count(target, "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'ferry')")).as("no table created").isZero();
    }

    @Test
    void aQuotedSchemaQualifiedFreeSequenceIsFoundToo() throws Exception {
        String source = source();
        MigrationConfig config = ConfigLoader.parse("expressions:\n  public.ticket.number: \"0\"\n", "test");
        assertThatThrownBy(() -> Migrations.run(source, TestPostgres.newDatabase("freeseq_tgt"), config, Migrations.small()))
                .isInstanceOf(FerryException.class).hasMessageContaining("Odd.stamp.n").hasMessageContaining("sequence Odd.Seq \"1\" x");
    }

    @Test
    void aDefaultGivenInTheConfigIsTakenInstead() throws Exception {
        String source = source();
        String target = TestPostgres.newDatabase("freeseq_tgt");
        MigrationConfig config = ConfigLoader.parse("""
                expressions:
                  public.ticket.number: "0"
                  Odd.stamp.n: "NULL"
                """, "test");
        Migrations.run(source, target, config, Migrations.small());
        assertThat(Migrations.fingerprint(target, "ticket", "id")).isEqualTo(Migrations.fingerprint(source, "ticket", "id"));
        assertThat(Migrations.count(target, "information_schema.columns WHERE table_name = 'ticket' AND column_name = 'number' "
                + "AND column_default = '0'")).isOne();
    }
}
