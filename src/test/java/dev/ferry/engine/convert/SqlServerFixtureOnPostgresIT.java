package dev.ferry.engine.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import dev.ferry.engine.verify.SchemaParity;
import dev.ferry.support.Fixtures;
import dev.ferry.support.PlanAndApply;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The DDL generated from the SQL Server catalog fixture runs on a real PostgreSQL 16 and does what the source did. */
class SqlServerFixtureOnPostgresIT {

    @ParameterizedTest(name = "caseInsensitiveCollation: {0}")
    @ValueSource(strings = {"citext", "icu", "none"})
    void appliesCleanlyUnderEveryCollationPolicy(String policy) throws SQLException {
        MigrationConfig config = ConfigLoader.parse("caseInsensitiveCollation: " + policy, "test");
        PlanAndApply r = PlanAndApply.run(new SqlServerDialect(), Fixtures.sqlServerSchema(), config, "fixture_" + policy);
        assertThat(SchemaParity.differences(r.plan().schema(), r.created())).isEmpty();
        assertThat(r.created().tables()).hasSize(5);
    }

    /** Issue 14.12 and 14.9: [First] + ' ' + [Last] concatenates; an untrusted CHECK still checks new rows. */
    @Test
    void concatenatesColumnsAndChecksNewRowsAgainstNotValidConstraints() throws SQLException {
        PlanAndApply r = PlanAndApply.run(new SqlServerDialect(), Fixtures.sqlServerSchema(), MigrationConfig.defaults(), "fixture_concat");
        try (Connection c = TestPostgres.connect(r.targetUrl()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"EventLog\" (\"Id\", \"EventDate\", \"Kind\", \"FirstName\", \"LastName\") "
                    + "VALUES (1, '2024-01-01', 'k', 'Ann', 'Lee')");
            try (ResultSet rs = st.executeQuery("SELECT \"FullName\" FROM \"EventLog\"")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Ann Lee");
            }
            assertThatThrownBy(() -> st.execute("INSERT INTO \"EventLog\" (\"Id\", \"EventDate\", \"Kind\") VALUES (2, '1990-01-01', 'k')"))
                    .hasMessageContaining("CK_EventLog_Date");
        }
    }

    @Test
    void behavesLikeTheSource() throws SQLException {
        PlanAndApply r = PlanAndApply.run(new SqlServerDialect(), Fixtures.sqlServerSchema(), MigrationConfig.defaults(), "fixture");
        Table product = r.created().table(new TableRef("public", "Product")).orElseThrow();
        Index sku = product.indexes().stream().filter(i -> i.name().equals("UX_Product_Sku")).findFirst().orElseThrow();
        assertThat(sku.filter()).isEqualTo("(\"DeletedAt\" IS NULL)");
        Index orders = r.created().table(new TableRef("sales", "Order")).orElseThrow().indexes().get(0);
        assertThat(orders.include()).containsExactly("Total");
        try (Connection c = TestPostgres.connect(r.targetUrl()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Customer\" (\"Email\") VALUES ('Ann@Example.com')");
            assertThatThrownBy(() -> st.execute("INSERT INTO \"Customer\" (\"Email\") VALUES ('ann@example.COM')"))
                    .as("case-insensitive unique key, as on SQL Server").hasMessageContaining("UQ_Customer_Email");
            assertThatThrownBy(() -> st.execute("INSERT INTO \"Customer\" (\"Email\") VALUES ('" + "x".repeat(321) + "')"))
                    .as("citext keeps nvarchar(320)'s length").hasMessageContaining("check constraint");
            try (ResultSet rs = st.executeQuery("SELECT \"Id\", \"IsActive\", \"Country\", \"Balance\" FROM \"Customer\"")) {
                rs.next();
                assertThat(rs.getInt(1)).as("identity restarted above IDENT_CURRENT 250").isEqualTo(251);
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getString(3)).isEqualTo("US");
                assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("0");
            }
            st.execute("INSERT INTO \"Product\" (\"Sku\", \"Price\") VALUES ('abc', 10)");
            try (ResultSet rs = st.executeQuery("SELECT \"ProductId\", \"PriceWithTax\", \"NameLength\" FROM \"Product\"")) {
                rs.next();
                assertThat(rs.getInt(1)).as("next after last value 41").isEqualTo(42);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.0000");
                assertThat(rs.getInt(3)).isEqualTo(3);
            }
            st.execute("INSERT INTO \"Product\" (\"Sku\") VALUES ('abd')");
            assertThatThrownBy(() -> st.execute("INSERT INTO \"Product\" (\"Sku\") VALUES ('abd')"))
                    .as("SQL Server's unique key admits one NULL").hasMessageContaining("UQ_Product_Sku");
            st.execute("INSERT INTO sales.\"Order\" (\"CustomerId\", \"ProductId\", \"Total\", \"OrderedAt\") VALUES (251, 42, 1, now())");
            assertThatThrownBy(() -> st.execute("INSERT INTO sales.\"Order\" (\"CustomerId\", \"Total\", \"OrderedAt\", \"Quantity\") "
                    + "VALUES (251, 1, now(), 256)")).hasMessageContaining("Quantity");
            try (ResultSet rs = st.executeQuery("SELECT \"OrderId\", \"Quantity\", \"Status\" FROM sales.\"Order\"")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.getString(3)).isEqualTo("new");
            }
            st.execute("DELETE FROM \"Product\" WHERE \"ProductId\" = 42");
            try (ResultSet rs = st.executeQuery("SELECT \"ProductId\" FROM sales.\"Order\"")) {
                rs.next();
                assertThat(rs.getObject(1)).as("ON DELETE SET NULL").isNull();
            }
        }
    }

    // issue 15: renamed indexes, views, sequences and comments exist on PostgreSQL and behave like the source's
    @Test
    void viewsSequencesCommentsAndRenamedIndexesWorkOnPostgres() throws SQLException {
        PlanAndApply r = PlanAndApply.run(new SqlServerDialect(), Fixtures.sqlServerSchema(), MigrationConfig.defaults(), "fixture15");
        assertThat(SchemaParity.differences(r.plan().schema(), r.created())).isEmpty();
        assertThat(r.created().table(new TableRef("public", "Product")).orElseThrow().indexes()).extracting(Index::name)
                .contains("Product_IX_Stamp");
        assertThat(r.created().views()).extracting(v -> v.ref().toString())
                .containsExactlyInAnyOrder("public.vActiveCustomers", "public.vTopCustomers", "sales.vOrderTotals");
        try (Connection c = TestPostgres.connect(r.targetUrl()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Customer\" (\"Email\", \"Name\", \"IsActive\") VALUES ('a@x', 'Ann', true), ('b@x', NULL, true), "
                    + "('c@x', 'Cy', false)");
            st.execute("INSERT INTO sales.\"Order\" (\"CustomerId\", \"Total\", \"OrderedAt\") VALUES (251, 5, now()), (251, 7, now())");
            try (ResultSet rs = st.executeQuery("SELECT \"Id\", \"Display\", \"Total\" FROM \"vTopCustomers\"")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(251);
                assertThat(rs.getString(2)).isEqualTo("Ann <a@x>");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("12");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT \"Display\" FROM \"vActiveCustomers\" ORDER BY \"Id\"")) {
                assertThat(rs.next()).isTrue();
                rs.next();
                assertThat(rs.getString(1)).as("ISNULL(Name, N'') + …").isEqualTo(" <b@x>");
                assertThat(rs.next()).as("inactive customers are not in the view").isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT \"OrderNumber\" FROM sales.\"Order\" ORDER BY 1")) {
                rs.next();
                assertThat(rs.getLong(1)).as("NEXT VALUE FOR after the source's last value 1041").isEqualTo(1042);
            }
            try (ResultSet rs = st.executeQuery("SELECT nextval('sales.\"TicketNo\"'), obj_description('\"Customer\"'::regclass), "
                    + "col_description('\"Customer\"'::regclass, 2), obj_description('\"vActiveCustomers\"'::regclass)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(5);
                assertThat(rs.getString(2)).isEqualTo("People who buy; 'active' ones may order");
                assertThat(rs.getString(3)).isEqualTo("Unique, compared case-insensitively");
                assertThat(rs.getString(4)).isEqualTo("Active customers, first 100");
            }
        }
    }
}
