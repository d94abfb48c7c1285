package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.ForeignKey;
import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.IndexColumn;
import dev.ferry.engine.model.ReferentialAction;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.verify.SchemaParity;
import dev.ferry.support.PlanAndApply;
import dev.ferry.support.SampleSource;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Kitchen Pantry CRM sample (H2 in SQL Server mode) converted, applied to a real PostgreSQL 16
 * and read back from its catalog: every table, column, key, index, foreign key and CHECK arrived.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSchemaIT {
    private DatabaseSchema source;
    private PlanAndApply result;

    @BeforeAll
    void planAndApply() throws SQLException {
        String url = SampleSource.create("sample", 0);
        try (Connection c = DriverManager.getConnection(url)) {
            source = new H2Dialect().introspect(c);
        }
        result = PlanAndApply.run(new H2Dialect(), source, MigrationConfig.defaults(), "sample");
    }

    private Table created(String name) {
        return result.created().table(new TableRef("public", name)).orElseThrow();
    }

    @Test
    void theCatalogMatchesThePlanObjectByObject() {
        assertThat(SchemaParity.differences(result.plan().schema(), result.created())).isEmpty();
    }

    @Test
    void everySourceTableArrivesWithItsNameKept() {
        assertThat(result.created().tables()).extracting(t -> t.ref().name()).containsExactlyInAnyOrder(
                "User", "Account", "Session", "VerificationToken", "Organization", "Contact", "OrganizationUser",
                "Opportunity", "Interaction", "Setting");
        for (Table s : source.tables()) {
            Table t = created(s.ref().name());
            assertThat(t.columns()).extracting(c -> c.name()).as(s.ref().name())
                    .containsExactlyElementsOf(s.columns().stream().map(c -> c.name()).toList());
            for (var c : s.columns()) {
                assertThat(t.column(c.name()).orElseThrow().nullable()).as(s.ref() + "." + c.name()).isEqualTo(c.nullable());
            }
        }
    }

    @Test
    void keysIndexesAndForeignKeysAreAllThere() {
        int sourceKeys = source.tables().stream().mapToInt(t -> (t.primaryKey() == null ? 0 : 1) + t.uniqueConstraints().size()
                + t.indexes().size()).sum();
        int targetKeys = result.created().tables().stream().mapToInt(t -> (t.primaryKey() == null ? 0 : 1)
                + t.uniqueConstraints().size() + t.indexes().size()).sum();
        assertThat(sourceKeys).isEqualTo(54);
        assertThat(targetKeys).isEqualTo(sourceKeys);
        assertThat(result.created().tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(16);
        assertThat(created("VerificationToken").primaryKey()).isNull();
        assertThat(result.plan().assessment().summary().indexes().text()).isEqualTo("38 of 38");
    }

    @Test
    void columnTypesFollowTheMapping() {
        Map<String, String> expected = Map.of(
                "id", "character varying(1000)", "annualRevenue", "numeric(18,2)", "creditLimit", "numeric(19,4)",
                "latitude", "double precision", "longitude", "real", "externalId", "uuid", "isActive", "boolean",
                "notes", "text", "createdAt", "timestamp(6) without time zone", "priority", "character(1)");
        Table org = created("Organization");
        expected.forEach((col, type) -> assertThat(org.column(col).orElseThrow().type().name()).as(col).isEqualTo(type));
        assertThat(created("Contact").column("avatar").orElseThrow().type().name()).isEqualTo("bytea");
        assertThat(created("Interaction").column("startTime").orElseThrow().type().name()).isEqualTo("time(6) without time zone");
        assertThat(created("Opportunity").column("weightedAmount").orElseThrow().type().name()).isEqualTo("numeric(38,10)");
    }

    @Test
    void defaultsAndIdentityAreTranslated() {
        Table org = created("Organization");
        assertThat(org.column("isActive").orElseThrow().defaultExpression()).isEqualTo("true");
        assertThat(org.column("createdAt").orElseThrow().defaultExpression()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(org.column("externalId").orElseThrow().defaultExpression()).isEqualTo("gen_random_uuid()");
        assertThat(org.column("priority").orElseThrow().defaultExpression()).isEqualTo("'C'::bpchar");
        var number = created("Opportunity").column("number").orElseThrow();
        assertThat(number.identity()).isNotNull();
        assertThat(number.identity().seed()).isEqualTo(1000);
    }

    @Test
    void foreignKeyActionsAreKept() {
        ForeignKey account = created("Account").foreignKeys().get(0);
        assertThat(account.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(account.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
        ForeignKey manager = created("Organization").foreignKeys().stream()
                .filter(f -> f.name().equals("Organization_accountManagerId_fkey")).findFirst().orElseThrow();
        assertThat(manager.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(manager.referenced()).isEqualTo(new TableRef("public", "User"));
        ForeignKey parent = created("Organization").foreignKeys().stream()
                .filter(f -> f.name().equals("Organization_parentOrganizationId_fkey")).findFirst().orElseThrow();
        assertThat(parent.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
        assertThat(parent.referenced()).isEqualTo(new TableRef("public", "Organization"));
    }

    @Test
    void descendingAndCompositeIndexesKeepTheirOrder() {
        Index idx = created("Interaction").indexes().stream()
                .filter(i -> i.name().equals("Interaction_organizationId_date_idx")).findFirst().orElseThrow();
        assertThat(idx.columns()).containsExactly(IndexColumn.asc("organizationId"), new IndexColumn("date", true));
        assertThat(created("User").indexes()).extracting(Index::name).contains("User_email_key");
    }

    @Test
    void checksAreEnforcedOnTheTarget() throws SQLException {
        assertThat(created("Opportunity").checks()).extracting(c -> c.name()).contains("Opportunity_probability_check");
        assertThat(created("Organization").checks()).extracting(c -> c.name()).contains("Organization_priority_check");
        try (Connection c = TestPostgres.connect(result.targetUrl()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"User\" (id, email, \"updatedAt\") VALUES ('u1', 'a@b.c', now())");
            st.execute("INSERT INTO \"Organization\" (id, name, segment, \"updatedAt\") VALUES ('o1', 'Org', 'Fine Dining', now())");
            assertThatThrownBy(() -> st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, probability, "
                    + "\"updatedAt\") VALUES ('p1', 'o1', 'Deal', 101, now())"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Opportunity_probability_check");
            assertThatThrownBy(() -> st.execute("UPDATE \"Organization\" SET priority = 'Z'"))
                    .hasMessageContaining("Organization_priority_check");
            st.execute("INSERT INTO \"Opportunity\" (id, \"organizationId\", name, \"updatedAt\") VALUES ('p1', 'o1', 'Deal', now())");
            st.execute("DELETE FROM \"Organization\" WHERE id = 'o1'");
            try (var rs = st.executeQuery("SELECT count(*) FROM \"Opportunity\"")) {
                rs.next();
                assertThat(rs.getInt(1)).as("ON DELETE CASCADE").isZero();
            }
        }
    }
}
