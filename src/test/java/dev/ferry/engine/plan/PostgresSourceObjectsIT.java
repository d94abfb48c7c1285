package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL source's sequences that no column owns, its views and its comments migrate (issue
 * 15). Before, a default drawing from such a sequence was refused when the plan was made (issue
 * 12.5), since Ferry created only the sequences of identity columns.
 */
class PostgresSourceObjectsIT {
    private static final String SOURCE_DDL = """
            CREATE SEQUENCE free_seq START 100;
            SELECT setval('free_seq', 142);
            CREATE SCHEMA "Odd";
            CREATE SEQUENCE "Odd"."Seq ""1"" x" AS integer INCREMENT BY 3 MAXVALUE 1000 CYCLE;
            CREATE TABLE ticket (id serial PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('free_seq'), label text);
            CREATE TABLE "Odd".stamp (id integer PRIMARY KEY, n bigint DEFAULT nextval('"Odd"."Seq ""1"" x"'::regclass));
            INSERT INTO ticket (label) VALUES ('a'), ('b'), (NULL);
            CREATE VIEW labelled AS SELECT id, upper(label) AS label FROM ticket WHERE label IS NOT NULL;
            CREATE VIEW "Odd".latest AS SELECT max(id) AS id FROM labelled;
            COMMENT ON TABLE ticket IS 'Tickets, numbered from free_seq';
            COMMENT ON COLUMN ticket.label IS 'What it''s for';
            """;

    private static String source() throws Exception {
        String source = TestPostgres.newDatabase("pgobj_src");
        try (Connection c = TestPostgres.connect(source); Statement st = c.createStatement()) {
            st.execute(SOURCE_DDL);
        }
        return source;
    }

    private static MigrationRunner.Result migrate(String source, String target, MigrationConfig config) {
        return new MigrationRunner(new JdbcConnector("source", source, null), new JdbcConnector("target", target, null), config,
                Migrations.small(), CopyProgress.NONE, line -> { }).run();
    }

    @Test
    void freeSequencesViewsAndCommentsMigrateAndPassValidation() throws Exception {
        String source = source();
        String target = TestPostgres.newDatabase("pgobj_tgt");
        MigrationRunner.Result result = migrate(source, target, MigrationConfig.defaults());
        assertThat(result.validation().schema().differences()).isEmpty();
        assertThat(result.validation().schema().counts()).containsEntry("views", "2 of 2").containsEntry("sequences", "2 of 2");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.plan().assessment().views()).containsExactly("public.labelled -> public.labelled (translated)",
                "Odd.latest -> Odd.latest (translated)");
        assertThat(Migrations.fingerprint(target, "ticket", "id")).isEqualTo(Migrations.fingerprint(source, "ticket", "id"));
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ticket (label) VALUES ('c')");
            try (ResultSet rs = st.executeQuery("SELECT number FROM ticket WHERE label = 'c'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the source's rows took 143 to 145 from free_seq").isEqualTo(146);
            }
            assertThat(rows(st, "SELECT string_agg(label, ',' ORDER BY id) FROM labelled")).isEqualTo("A,B,C");
            assertThat(rows(st, "SELECT id FROM \"Odd\".latest")).isEqualTo("4");
            assertThat(rows(st, "SELECT nextval('\"Odd\".\"Seq \"\"1\"\" x\"') || ',' || nextval('\"Odd\".\"Seq \"\"1\"\" x\"')"))
                    .as("INCREMENT BY 3, never used on the source").isEqualTo("1,4");
            assertThat(rows(st, "SELECT obj_description('ticket'::regclass) || '|' || col_description('ticket'::regclass, 3)"))
                    .isEqualTo("Tickets, numbered from free_seq|What it's for");
        }
    }

    @Test
    void aViewWhoseNamesTheConfigChangesIsListedAndCanBeSuppliedByHand() throws Exception {
        String source = source();
        MigrationRunner.Result listed = migrate(source, TestPostgres.newDatabase("pgobj_tgt"),
                ConfigLoader.parse("names: snake_case\n", "test"));
        assertThat(listed.plan().assessment().views()).containsExactly(
                "Odd.latest: not created, the config renames names (names: snake_case or schemas:), and Ferry keeps a "
                        + "PostgreSQL view's text as written; give its PostgreSQL query under views: 'Odd.latest' in the config",
                "public.labelled: not created, the config renames names (names: snake_case or schemas:), and Ferry keeps a "
                        + "PostgreSQL view's text as written; give its PostgreSQL query under views: 'public.labelled' in the config");
        assertThat(listed.succeeded()).as("views not created are listed, not failed").isTrue();

        String target = TestPostgres.newDatabase("pgobj_tgt");
        MigrationRunner.Result supplied = migrate(source, target, ConfigLoader.parse("""
                names: snake_case
                views:
                  public.labelled: SELECT id, upper(label) AS label FROM public.ticket WHERE label IS NOT NULL
                  Odd.latest: SELECT max(id) AS id FROM public.labelled
                """, "test"));
        assertThat(supplied.plan().assessment().views()).containsExactly("public.labelled -> public.labelled (from the config)",
                "Odd.latest -> odd.latest (from the config)");
        assertThat(supplied.succeeded()).isTrue();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            assertThat(rows(st, "SELECT id FROM odd.latest")).isEqualTo("2");
        }
    }

    private static String rows(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
