package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14.2: a sql_variant column is read per base type with a lossless CONVERT style, never
 * through one CONVERT(nvarchar(4000), v) with each type's default style. What SQL Server returns for
 * each is checked by SqlServerValuesContainerIT where Docker runs.
 */
class SqlServerVariantTest {
    private final String select = new SqlServerDialect().selectExpression(Column.of("V", DataType.of("sql_variant"), true));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "datetime|CONVERT(nvarchar(max), CAST([V] AS datetime), 121)",
            "smalldatetime|CONVERT(nvarchar(max), CAST([V] AS smalldatetime), 120)",
            "float|CONVERT(nvarchar(max), CAST([V] AS float), 3)",
            "real|CONVERT(nvarchar(max), CAST([V] AS real), 3)",
            "money|CONVERT(nvarchar(max), CAST([V] AS money), 2)",
            "smallmoney|CONVERT(nvarchar(max), CAST([V] AS smallmoney), 2)",
            "varbinary|CONVERT(nvarchar(max), CAST([V] AS varbinary(8000)), 1)",
            "binary|CONVERT(nvarchar(max), CAST([V] AS varbinary(8000)), 1)",
            "varchar|CONVERT(nvarchar(max), CAST([V] AS varchar(8000)))"})
    void eachLossyDefaultStyleIsReplacedByALosslessOne(String baseType, String conversion) {
        assertThat(select).contains("WHEN '" + baseType + "' THEN " + conversion + " ");
    }

    @ParameterizedTest
    @CsvSource({"CASE CAST(SQL_VARIANT_PROPERTY([V], 'BaseType') AS sysname)", "ELSE CONVERT(nvarchar(max), [V]) END"})
    void decidesByTheBaseTypeAndCutsNothing(String part) {
        assertThat(select).contains(part).doesNotContain("4000");
    }
}
