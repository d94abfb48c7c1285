package dev.ferry.engine.source.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.model.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SQL Server view definitions become PostgreSQL queries, or name the construct that stops them (issue 15.2). */
class TokenViewTranslatorTest {
    private static final Map<TableRef, String> RELATIONS = Map.of(
            new TableRef("dbo", "Customer"), "\"public\".\"Customer\"",
            new TableRef("sales", "Order"), "\"sales\".\"Order\"",
            new TableRef("dbo", "vActive"), "\"public\".\"vActive\"");
    private static final ViewNames NAMES = new ViewNames() {
        @Override
        public Optional<String> relation(TableRef source) {
            return Optional.ofNullable(RELATIONS.get(source));
        }

        @Override
        public String identifier(String sourceName) {
            return sourceName;
        }

        @Override
        public boolean isText(String column) {
            return column.equals("Name") || column.equals("Email");
        }

        @Override
        public boolean mayBeNumber(String column) {
            return column.equals("Id") || column.equals("Qty");
        }

        @Override
        public boolean keepsNames() {
            return true;
        }
    };
    private final TokenViewTranslator translator = new TokenViewTranslator(true, true,
            Map.of("isnull", FunctionRule.rename("coalesce"), "getdate", FunctionRule.call("CURRENT_TIMESTAMP")),
            t -> switch (t.name()) {
                case "int" -> "integer";
                case "nvarchar" -> "varchar(" + t.length() + ")";
                case "decimal" -> "numeric(" + t.precision() + "," + t.scale() + ")";
                default -> null;
            }, "dbo");

    private ViewTranslation translate(String definition) {
        return translator.translate(new View(new TableRef("sales", "v"), definition, List.of(), null), NAMES);
    }

    @Test
    void translatesHeaderTopIsnullGetdateConvertConcatenationAndBrackets() {
        ViewTranslation t = translate("""
                -- active customers
                CREATE VIEW [sales].[v] WITH SCHEMABINDING AS
                SELECT TOP (10) c.[Id], ISNULL(c.Name, N'?') + ' x' AS [Label], CONVERT(nvarchar(20), c.Id) AS IdText,
                       GETDATE() AS Now, CAST(o.Total AS decimal(10,2)) AS Total, IIF(o.Total > 0, 1, 0) AS Paid
                FROM [dbo].[Customer] c JOIN [Order] o ON o.CustomerId = c.Id /* same schema as the view */
                WHERE c.Active = 1 ORDER BY c.Id""");
        assertThat(t.problem()).isNull();
        assertThat(t.sql()).isEqualTo("SELECT \"c\".\"Id\", coalesce(\"c\".\"Name\", '?') || ' x' AS \"Label\", "
                + "CAST(\"c\".\"Id\" AS varchar(20)) AS \"IdText\", CURRENT_TIMESTAMP AS \"Now\", "
                + "CAST(\"o\".\"Total\" AS numeric(10,2)) AS \"Total\", (CASE WHEN \"o\".\"Total\" > 0 THEN 1 ELSE 0 END) AS \"Paid\" "
                + "FROM \"public\".\"Customer\" \"c\" JOIN \"sales\".\"Order\" \"o\" ON \"o\".\"CustomerId\" = \"c\".\"Id\" "
                + "WHERE \"c\".\"Active\" = 1 ORDER BY \"c\".\"Id\" LIMIT 10");
        assertThat(t.reads()).containsExactly(new TableRef("dbo", "Customer"), new TableRef("sales", "Order"));
    }

    @Test
    void subqueriesAndCommaJoinsResolveTheirTables() {
        ViewTranslation t = translate("CREATE VIEW sales.v AS SELECT x.Id FROM (SELECT Id FROM dbo.Customer) x, dbo.vActive a "
                + "WHERE EXISTS (SELECT 1 FROM sales.[Order] o WHERE o.CustomerId = x.Id)");
        assertThat(t.problem()).isNull();
        assertThat(t.reads()).containsExactly(new TableRef("dbo", "Customer"), new TableRef("dbo", "vActive"),
                new TableRef("sales", "Order"));
        assertThat(t.sql()).contains("FROM (SELECT \"Id\" FROM \"public\".\"Customer\") \"x\", \"public\".\"vActive\" \"a\"");
    }

    @Test
    void namesTheConstructThatStopsAView() {
        assertThat(translate("CREATE VIEW v AS SELECT c.Id FROM dbo.Customer c CROSS APPLY dbo.fn(c.Id) f").problem())
                .isEqualTo("T-SQL 'APPLY' has no PostgreSQL translation");
        assertThat(translate("CREATE VIEW v AS SELECT Id FROM dbo.Customer WITH (NOLOCK)").problem())
                .isEqualTo("T-SQL 'WITH' has no PostgreSQL translation");
        assertThat(translate("CREATE VIEW v AS SELECT dbo.fn_Total(Id) AS t FROM dbo.Customer").problem())
                .contains("dbo.fn_Total");
        assertThat(translate("CREATE VIEW v AS SELECT SOUNDEX(Name) AS s FROM dbo.Customer").problem())
                .isEqualTo("function SOUNDEX() has no PostgreSQL translation");
        assertThat(translate("CREATE VIEW v AS SELECT Id FROM dbo.Archive").problem())
                .isEqualTo("reads dbo.Archive, which is not created on the target");
        assertThat(translate("CREATE VIEW v AS SELECT TOP 10 PERCENT Id FROM dbo.Customer").problem())
                .isEqualTo("TOP … PERCENT has no PostgreSQL translation");
        assertThat(translate("CREATE VIEW v (a) AS SELECT Id FROM dbo.Customer").problem())
                .isEqualTo("a column list after the view's name");
        assertThat(translate("CREATE VIEW v AS SELECT CONVERT(varchar(10), Id, 112) AS d FROM dbo.Customer").problem())
                .isEqualTo("CONVERT with a style argument has no PostgreSQL translation");
        assertThat(translate("CREATE VIEW v AS SELECT CAST(Id AS hierarchyid) AS h FROM dbo.Customer").problem())
                .isEqualTo("type hierarchyid has no PostgreSQL mapping");
        assertThat(translator.translate(new View(new TableRef("dbo", "v"), null, List.of(), null), NAMES).problem())
                .contains("WITH ENCRYPTION");
    }

    @Test
    void plusBetweenTextColumnsConcatenatesAndPlusBetweenNumbersAdds() {
        ViewTranslation t = translate("CREATE VIEW v AS SELECT c.Name + c.Email AS Both, c.Id + 1 AS Next FROM dbo.Customer c");
        assertThat(t.sql()).isEqualTo("SELECT \"c\".\"Name\" || \"c\".\"Email\" AS \"Both\", \"c\".\"Id\" + 1 AS \"Next\" "
                + "FROM \"public\".\"Customer\" \"c\"");
    }

    /** Review fix: int outranks varchar in T-SQL, so Name + 1 and '5' + Qty add there; '||' would concatenate. */
    @Test
    void aStringPlusANumberStopsTheViewNamingTheConstruct() {
        assertThat(translate("CREATE VIEW v AS SELECT c.Name + 1 AS x FROM dbo.Customer c").problem())
                .isEqualTo("'Name + 1' (a string '+' a number) adds in T-SQL, where PostgreSQL's || would concatenate");
        assertThat(translate("CREATE VIEW v AS SELECT '5' + Qty AS x FROM dbo.Customer").problem()).contains("''5' + Qty'");
        assertThat(translate("CREATE VIEW v AS SELECT c.Id + N'x' AS x FROM dbo.Customer c").problem()).contains("'Id + N'x''");
        ViewTranslation fine = translate("CREATE VIEW v AS SELECT 'a' + c.Name + 'b' AS x, c.Qty + 2 AS y FROM dbo.Customer c");
        assertThat(fine.sql()).isEqualTo("SELECT 'a' || \"c\".\"Name\" || 'b' AS \"x\", \"c\".\"Qty\" + 2 AS \"y\" "
                + "FROM \"public\".\"Customer\" \"c\"");
    }

    @Test
    void aTSqlAliasAssignmentIsRefusedNotReadAsAComparison() {
        assertThat(translate("CREATE VIEW v AS SELECT TOP 5 Label = Name, Id FROM dbo.Customer").problem())
                .isEqualTo("column alias written as Label = expression");
        assertThat(translate("CREATE VIEW v AS SELECT Id FROM dbo.Customer WHERE Name = 'x'").problem()).isNull();
    }

    @Test
    void threePartColumnNamesOfH2KeepTheirTable() {
        TokenViewTranslator h2 = new TokenViewTranslator(false, false, Map.of(), t -> DataType.of("x").name(), "dbo");
        ViewTranslation t = h2.translate(new View(new TableRef("dbo", "v"),
                "SELECT \"dbo\".\"Customer\".\"Id\" FROM \"dbo\".\"Customer\"", List.of(), null), NAMES);
        assertThat(t.sql()).isEqualTo("SELECT \"public\".\"Customer\".\"Id\" FROM \"public\".\"Customer\"");
    }
}
