package dev.ferry.engine.source.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.workflow.MigrationRunner;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * An H2 source (MODE=MSSQLServer) with a sequence drawn by a default, views Ferry translates and
 * one it cannot, and comments migrates end to end to PostgreSQL (issue 15). H2 scopes index names
 * to the schema, like PostgreSQL, so colliding index names are a SQL Server case (fixture tests).
 */
class H2ObjectsIT {
    private static final String SOURCE_DDL = """
            CREATE SEQUENCE OrderNumbers AS BIGINT START WITH 1000 INCREMENT BY 1;
            CREATE TABLE Customer (Id INT PRIMARY KEY, Name VARCHAR(50), IsActive BOOLEAN NOT NULL);
            CREATE TABLE Invoice (Id INT PRIMARY KEY, CustomerId INT NOT NULL, Number BIGINT DEFAULT NEXT VALUE FOR OrderNumbers,
                Total DECIMAL(10, 2));
            INSERT INTO Customer VALUES (1, 'Ann', TRUE), (2, NULL, TRUE), (3, 'Cy', FALSE);
            INSERT INTO Invoice (Id, CustomerId, Total) VALUES (1, 1, 5), (2, 1, 7), (3, 2, 1);
            CREATE VIEW ActiveCustomers AS SELECT TOP 10 Id, ISNULL(Name, 'anonymous') + '!' AS Label FROM Customer
                WHERE IsActive = TRUE ORDER BY Id;
            CREATE VIEW CustomerTotals AS SELECT c.Id, c.Label, SUM(i.Total) AS Total FROM ActiveCustomers c
                JOIN Invoice i ON i.CustomerId = c.Id GROUP BY c.Id, c.Label;
            CREATE VIEW Sounds AS SELECT Id, SOUNDEX(Name) AS Sound FROM Customer;
            COMMENT ON TABLE Invoice IS 'Invoices; numbered from OrderNumbers';
            COMMENT ON COLUMN Invoice.Total IS 'In the customer''s currency';
            """;

    @Test
    void sequencesViewsAndCommentsMigrateAndTheUntranslatableViewIsListed() throws Exception {
        String source = "jdbc:h2:mem:h2objects;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(source); Statement st = keep.createStatement()) {
            st.execute(SOURCE_DDL);
            String target = TestPostgres.newDatabase("h2obj_tgt");
            MigrationRunner.Result result = new MigrationRunner(new JdbcConnector("source", source, null),
                    new JdbcConnector("target", target, null), MigrationConfig.defaults(), Migrations.small(), CopyProgress.NONE,
                    line -> { }).run();
            assertThat(result.validation().schema().differences()).isEmpty();
            assertThat(result.succeeded()).isTrue();
            assertThat(result.plan().assessment().views()).containsExactly(
                    "PUBLIC.ActiveCustomers -> public.ActiveCustomers (translated)",
                    "PUBLIC.CustomerTotals -> public.CustomerTotals (translated)",
                    "PUBLIC.Sounds: not created, function SOUNDEX() has no PostgreSQL translation; give its PostgreSQL query "
                            + "under views: 'PUBLIC.Sounds' in the config");
            assertThat(result.plan().assessment().summary().views().text()).isEqualTo("2 of 3");
            assertThat(result.plan().assessment().sequences()).singleElement().asString()
                    .startsWith("PUBLIC.OrderNumbers -> public.OrderNumbers bigint start 1000 increment 1")
                    .endsWith("last value 1002 (carried over at the copy and at cutover)");
            try (Connection c = TestPostgres.connect(target); Statement t = c.createStatement()) {
                t.execute("INSERT INTO \"Invoice\" (\"Id\", \"CustomerId\", \"Total\") VALUES (4, 3, 2)");
                assertThat(one(t, "SELECT \"Number\" FROM \"Invoice\" WHERE \"Id\" = 4")).isEqualTo("1003");
                assertThat(one(t, "SELECT string_agg(\"Label\", ',' ORDER BY \"Id\") FROM \"ActiveCustomers\"")).isEqualTo("Ann!,anonymous!");
                assertThat(one(t, "SELECT string_agg(\"Id\" || '=' || \"Total\", ',' ORDER BY \"Id\") FROM \"CustomerTotals\""))
                        .isEqualTo("1=12.00,2=1.00");
                assertThat(one(t, "SELECT obj_description('\"Invoice\"'::regclass) || '|' || col_description('\"Invoice\"'::regclass, 4)"))
                        .isEqualTo("Invoices; numbered from OrderNumbers|In the customer's currency");
            }
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
