package dev.ferry.engine.drizzle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import dev.ferry.engine.convert.SchemaConverter;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.support.Fixtures;
import dev.ferry.support.SampleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * The Drizzle schema for the sample database is pinned by a golden file (regenerate with
 * {@code -Dferry.golden.update=true}); its parts are checked one by one below.
 */
class DrizzleSchemaGeneratorTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "sample-schema.ts");

    static String sampleSchema() throws Exception {
        String url = SampleSource.create("drizzle", 0);
        DatabaseSchema schema;
        try (Connection c = DriverManager.getConnection(url)) {
            schema = new H2Dialect().introspect(c);
        }
        return new DrizzleSchemaGenerator().generate(new SchemaConverter(new H2Dialect(), MigrationConfig.defaults()).convert(schema));
    }

    static String fixtureSchema() {
        TargetSchema s = new SchemaConverter(new SqlServerDialect(), MigrationConfig.defaults()).convert(Fixtures.sqlServerSchema());
        return new DrizzleSchemaGenerator().generate(s);
    }

    @Test
    void sampleSchemaMatchesTheGoldenFile() throws Exception {
        String ts = sampleSchema();
        if (Boolean.getBoolean("ferry.golden.update")) {
            Files.writeString(GOLDEN, ts);
        }
        assertThat(ts).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void tablesAndColumnsKeepTheirExactNamesAndTypes() throws Exception {
        String ts = sampleSchema();
        assertThat(ts).contains("export const organizationUser = pgTable(\"OrganizationUser\", {")
                .contains("createdAt: timestamp(\"createdAt\", { precision: 6, mode: \"date\" }).notNull().defaultNow(),")
                .contains("annualRevenue: numeric(\"annualRevenue\", { precision: 18, scale: 2 }),")
                .contains("externalId: uuid(\"externalId\").notNull().defaultRandom(),")
                .contains("isActive: boolean(\"isActive\").notNull().default(true),")
                .contains("role: varchar(\"role\", { length: 50 }).notNull().default(\"USER\"),")
                .contains("number: bigint(\"number\", { mode: \"bigint\" }).generatedByDefaultAsIdentity({ startWith: 1000, increment: 1 }).notNull(),")
                .contains("avatar: bytea(\"avatar\"),")
                .contains("id: varchar(\"id\", { length: 1000 }).primaryKey(),");
    }

    @Test
    void keysIndexesForeignKeysAndChecks() throws Exception {
        String ts = sampleSchema();
        assertThat(ts).contains("unique(\"Account_provider_providerAccountId_key\").on(table.provider, table.providerAccountId)")
                .contains("index(\"Interaction_organizationId_date_idx\").on(table.organizationId, table.date.desc())")
                .contains("uniqueIndex(\"User_email_key\").on(table.email)")
                .contains("foreignKey({ name: \"Organization_accountManagerId_fkey\", columns: [table.accountManagerId], "
                        + "foreignColumns: [user.id] }).onDelete(\"set null\").onUpdate(\"no action\")")
                .contains("foreignKey({ name: \"Organization_parentOrganizationId_fkey\", columns: [table.parentOrganizationId], "
                        + "foreignColumns: [table.id] })")
                .contains("check(\"Opportunity_probability_check\", sql`");
    }

    @Test
    void relationsForEveryForeignKeyDisambiguatedWhereNeeded() throws Exception {
        String ts = sampleSchema();
        assertThat(ts.split("one\\(", -1)).hasSize(17);
        assertThat(ts).contains("accountManager: one(user, { fields: [organization.accountManagerId], references: [user.id], "
                        + "relationName: \"Organization_accountManagerId_fkey\" })")
                .contains("organizationsByAccountManager: many(organization, { relationName: \"Organization_accountManagerId_fkey\" })")
                .contains("opportunities: many(opportunity)")
                .contains("user: one(user, { fields: [account.userId], references: [user.id] })");
    }

    @Test
    void otherSchemasPartialIndexesCompositeKeysAndCustomTypes() {
        String ts = fixtureSchema();
        assertThat(ts).contains("export const salesSchema = pgSchema(\"sales\");")
                .contains("export const order = salesSchema.table(\"Order\", {")
                .contains("uniqueIndex(\"UX_Product_Sku\").on(table.Sku).where(sql`\"DeletedAt\" IS NULL`)")
                .contains("unique(\"UQ_Product_Sku_Price\").on(table.Sku, table.Price).nullsNotDistinct()")
                .contains("Email: citext(\"Email\").notNull(),")
                .contains("OrderedAt: timestamp(\"OrderedAt\", { withTimezone: true, precision: 6, mode: \"date\" }).notNull(),")
                .contains("PriceWithTax: numeric(\"PriceWithTax\", { precision: 19, scale: 4 }).generatedAlwaysAs(sql`\"Price\"*(1.2)`),")
                .contains("INCLUDE (Total)")
                .contains("const xml = customType<{ data: string }>");
    }
}
