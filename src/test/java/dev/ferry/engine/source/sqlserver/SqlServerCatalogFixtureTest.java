package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DataType;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.model.ForeignKey;
import dev.ferry.engine.model.Identity;
import dev.ferry.engine.model.Index;
import dev.ferry.engine.model.IndexColumn;
import dev.ferry.engine.model.ReferentialAction;
import dev.ferry.engine.model.Sequence;
import dev.ferry.engine.model.SourceObject;
import dev.ferry.engine.model.View;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sys.* catalog rows (a fixture, since no SQL Server runs here) become the schema model. */
class SqlServerCatalogFixtureTest {
    private final DatabaseSchema schema = Fixtures.sqlServerSchema();

    private Table table(String schemaName, String name) {
        return schema.table(new TableRef(schemaName, name)).orElseThrow();
    }

    private Column column(Table t, String name) {
        return t.column(name).orElseThrow();
    }

    @Test
    void readsEveryTableWithItsSchema() {
        assertThat(schema.product()).isEqualTo("SQL Server");
        assertThat(schema.defaultSchema()).isEqualTo("dbo");
        assertThat(schema.tables()).extracting(t -> t.ref().toString())
                .containsExactly("dbo.Customer", "sales.Order", "dbo.AuditLog", "dbo.Product", "dbo.EventLog");
    }

    @Test
    void lengthsAreCharactersForNationalTypesAndMaxIsMarked() {
        Table customer = table("dbo", "Customer");
        assertThat(column(customer, "Email").type()).isEqualTo(DataType.sized("nvarchar", 320));
        assertThat(column(customer, "Name").type().isMax()).isTrue();
        assertThat(column(customer, "Code").type()).isEqualTo(DataType.sized("char", 5));
        assertThat(column(table("sales", "Order"), "Notes").type()).isEqualTo(DataType.sized("varchar", DataType.MAX));
    }

    @Test
    void temporalPrecisionComesFromScale() {
        assertThat(column(table("dbo", "Customer"), "CreatedAt").type()).isEqualTo(DataType.temporal("datetime2", 7));
        assertThat(column(table("sales", "Order"), "OrderedAt").type()).isEqualTo(DataType.temporal("datetimeoffset", 7));
        assertThat(column(table("sales", "Order"), "ShipTime").type()).isEqualTo(DataType.temporal("time", 7));
        assertThat(column(table("dbo", "AuditLog"), "Version").type()).isEqualTo(DataType.of("timestamp"));
    }

    @Test
    void keepsNullabilityDefaultsCollationsIdentityAndComputedColumns() {
        Table customer = table("dbo", "Customer");
        Column id = column(customer, "Id");
        assertThat(id.identity()).isEqualTo(new Identity(1, 1, 250L));
        assertThat(id.nullable()).isFalse();
        assertThat(column(customer, "Name").nullable()).isTrue();
        assertThat(column(customer, "CreatedAt").defaultExpression()).isEqualTo("(getdate())");
        assertThat(column(customer, "Email").collation()).isEqualTo("SQL_Latin1_General_CP1_CI_AS");
        assertThat(column(table("sales", "Order"), "OrderId").identity()).isEqualTo(new Identity(1000, 10, null));
        Table product = table("dbo", "Product");
        assertThat(column(product, "PriceWithTax").computedExpression()).isEqualTo("([Price]*(1.2))");
        assertThat(column(product, "PriceWithTax").computedPersisted()).isTrue();
        assertThat(column(product, "Label").computedPersisted()).isFalse();
    }

    @Test
    void separatesPrimaryKeysUniqueConstraintsAndIndexes() {
        Table customer = table("dbo", "Customer");
        assertThat(customer.primaryKey().name()).isEqualTo("PK_Customer");
        assertThat(customer.primaryKey().columns()).containsExactly("Id");
        assertThat(customer.uniqueConstraints()).singleElement()
                .satisfies(u -> assertThat(u.nullsDistinct()).as("SQL Server admits one NULL").isFalse());
        assertThat(table("dbo", "AuditLog").primaryKey()).isNull();

        Index ix = table("sales", "Order").indexes().get(0);
        assertThat(ix.name()).isEqualTo("IX_Order_Customer");
        assertThat(ix.columns()).containsExactly(IndexColumn.asc("CustomerId"), new IndexColumn("OrderedAt", true));
        assertThat(ix.include()).containsExactly("Total");

        List<Index> productIndexes = table("dbo", "Product").indexes();
        assertThat(productIndexes).extracting(Index::name).containsExactly("UX_Product_Sku", "IX_Product_Price", "IX_Stamp");
        assertThat(productIndexes.get(0).filter()).isEqualTo("([DeletedAt] IS NULL)");
        assertThat(productIndexes.get(0).unique()).isTrue();
    }

    @Test
    void indexKindsPostgresLacksAndDisabledObjectsAreReportedNotDropped() {
        assertThat(schema.findings()).extracting(Finding::object).contains(
                "dbo.Product.CCI_Product", "dbo.Product.IX_Product_Disabled", "sales.Order.FK_Order_Disabled",
                "sales.Order.CK_Order_Old");
        assertThat(table("sales", "Order").foreignKeys()).extracting(ForeignKey::name)
                .containsExactly("FK_Order_Customer", "FK_Order_Product");
    }

    /** Issue 14: the partitioning column SQL Server adds to an aligned index (key_ordinal 0) is no key column. */
    @Test
    void partitioningColumnsAddedToAnIndexAreNotKeyColumns() {
        Table events = table("dbo", "EventLog");
        assertThat(events.primaryKey().columns()).containsExactly("Id", "EventDate");
        Index kind = events.indexes().get(0);
        assertThat(kind.name()).isEqualTo("IX_EventLog_Kind");
        assertThat(kind.columns()).containsExactly(IndexColumn.asc("Kind"));
        assertThat(kind.include()).isEmpty();
    }

    /** Issue 14.9: constraints SQL Server does not trust (WITH NOCHECK) are carried NOT VALID and reported. */
    @Test
    void untrustedConstraintsAreCarriedAsNotValidAndReported() {
        Table events = table("dbo", "EventLog");
        assertThat(events.checks()).filteredOn(c -> c.name().equals("CK_EventLog_Date")).singleElement()
                .satisfies(c -> assertThat(c.trusted()).isFalse());
        assertThat(events.checks()).filteredOn(c -> c.name().equals("CK_EventLog_Kind")).singleElement()
                .satisfies(c -> assertThat(c.trusted()).isTrue());
        assertThat(events.foreignKeys()).singleElement().satisfies(f -> assertThat(f.trusted()).isFalse());
        assertThat(table("sales", "Order").foreignKeys()).allSatisfy(f -> assertThat(f.trusted()).isTrue());
        assertThat(schema.findings()).filteredOn(f -> f.message().contains("not trusted")).extracting(Finding::object)
                .containsExactlyInAnyOrder("dbo.EventLog.CK_EventLog_Date", "dbo.EventLog.FK_EventLog_Customer");
    }

    @Test
    void foreignKeysKeepColumnsAndActions() {
        ForeignKey fk = table("sales", "Order").foreignKeys().get(1);
        assertThat(fk.columns()).containsExactly("ProductId");
        assertThat(fk.referenced()).isEqualTo(new TableRef("dbo", "Product"));
        assertThat(fk.referencedColumns()).containsExactly("ProductId");
        assertThat(fk.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(table("sales", "Order").foreignKeys().get(0).onDelete()).isEqualTo(ReferentialAction.CASCADE);
    }

    @Test
    void listsRoutinesAndTriggersButReadsViewsAndSequencesInFull() {
        assertThat(schema.otherObjects()).extracting(SourceObject::kind).containsExactly(
                SourceObject.Kind.PROCEDURE, SourceObject.Kind.FUNCTION, SourceObject.Kind.TRIGGER);
    }

    // issue 15.2: sys.views + sys.sql_modules + sys.sql_expression_dependencies
    @Test
    void readsViewsWithTheirDefinitionAndWhatTheyRead() {
        assertThat(schema.views()).extracting(v -> v.ref().toString()).containsExactly("dbo.vActiveCustomers",
                "dbo.vCustomerLatestOrder", "dbo.vLatestTotals", "dbo.vSecret", "dbo.vTopCustomers", "sales.vOrderTotals");
        View top = schema.view(new TableRef("dbo", "vTopCustomers")).orElseThrow();
        assertThat(top.definition()).startsWith("CREATE VIEW dbo.vTopCustomers AS");
        assertThat(top.dependsOn()).containsExactly(new TableRef("dbo", "vActiveCustomers"), new TableRef("sales", "vOrderTotals"));
        assertThat(schema.view(new TableRef("dbo", "vSecret")).orElseThrow().definition()).as("WITH ENCRYPTION").isNull();
        assertThat(schema.view(new TableRef("dbo", "vActiveCustomers")).orElseThrow().comment()).isEqualTo("Active customers, first 100");
    }

    // issue 15.3: sys.sequences, values as decimal(38, 0)
    @Test
    void readsSequencesNarrowingDecimalRangesToBigint() {
        Sequence orders = schema.sequences().get(1);
        assertThat(orders).isEqualTo(new Sequence(new TableRef("dbo", "OrderNumbers"), "bigint", 1000, 1, Long.MIN_VALUE,
                Long.MAX_VALUE, false, null, 1041L));
        assertThat(orders.nextValue()).isEqualTo(1042);
        assertThat(schema.sequences().get(2)).isEqualTo(new Sequence(new TableRef("sales", "TicketNo"), "int", 5, 5, 5L, 1000L,
                true, 10L, null));
        assertThat(schema.findings()).filteredOn(f -> f.object().equals("dbo.BigCounter")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("beyond bigint"));
        assertThat(column(table("sales", "Order"), "OrderNumber").defaultExpression()).isEqualTo("(NEXT VALUE FOR [dbo].[OrderNumbers])");
    }

    // issue 15.4: sys.extended_properties named MS_Description
    @Test
    void readsDescriptionsOfTablesAndColumns() {
        assertThat(table("dbo", "Customer").comment()).isEqualTo("People who buy; 'active' ones may order");
        assertThat(column(table("dbo", "Customer"), "Email").comment()).isEqualTo("Unique, compared case-insensitively");
        assertThat(column(table("sales", "Order"), "OrderNumber").comment()).isEqualTo("Drawn from dbo.OrderNumbers");
        assertThat(table("dbo", "Product").comment()).isNull();
    }
}
