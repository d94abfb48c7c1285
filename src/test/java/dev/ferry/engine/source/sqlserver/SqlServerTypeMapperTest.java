package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.source.MappedType;
import dev.ferry.support.TypeMappingTable;
import dev.ferry.support.TypeMappingTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of docs/type-mapping.md is what {@link SqlServerTypeMapper} does. */
class SqlServerTypeMapperTest {
    private final SqlServerTypeMapper mapper = new SqlServerTypeMapper();

    static List<Row> rows() {
        return TypeMappingTable.rows();
    }

    @Test
    void theDocumentListsEverySqlServerType() {
        assertThat(rows()).extracting(r -> TypeMappingTable.parse(r.source()).name()).containsAll(List.of(
                "bigint", "int", "smallint", "tinyint", "bit", "decimal", "numeric", "money", "smallmoney", "float",
                "real", "date", "time", "datetime", "datetime2", "smalldatetime", "datetimeoffset", "char", "nchar",
                "varchar", "nvarchar", "text", "ntext", "binary", "varbinary", "image", "uniqueidentifier",
                "rowversion", "timestamp", "xml", "sql_variant", "hierarchyid", "geography", "geometry", "sysname", "json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void mapsAsDocumented(Row row) {
        MappedType mapped = mapper.map(TypeMappingTable.parse(row.source()));
        assertThat(mapped).as(row.source()).isNotNull();
        assertThat(mapped.sql()).isEqualTo(row.postgres());
        assertThat(mapped.check() == null ? null : String.format(mapped.check(), "col")).isEqualTo(row.check());
        assertThat(mapped.warnings().isEmpty()).as("warnings of " + row.source()).isEqualTo(!row.warns());
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertThat(mapper.map(DataType.of("vector"))).isNull();
    }

    @Test
    void caseInsensitivityComesFromTheCollationName() {
        assertThat(mapper.isCaseInsensitive("SQL_Latin1_General_CP1_CI_AS")).isTrue();
        assertThat(mapper.isCaseInsensitive("Latin1_General_100_CI_AS_SC_UTF8")).isTrue();
        assertThat(mapper.isCaseInsensitive("Latin1_General_CS_AS")).isFalse();
        assertThat(mapper.isCaseInsensitive("Latin1_General_BIN2")).isFalse();
        assertThat(mapper.isCaseInsensitive(null)).isFalse();
    }
}
