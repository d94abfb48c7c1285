package dev.ferry.engine.source.sqlserver;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.source.MappedType;
import dev.ferry.engine.source.TypeMapper;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * SQL Server types to PostgreSQL, one row per type; docs/type-mapping.md is the same table for
 * people, and a test checks every row of it against this class. Decimals stay decimals (never
 * through floating point); fractional seconds beyond PostgreSQL's six digits are said, not hidden.
 */
final class SqlServerTypeMapper implements TypeMapper {
    static final String SEVENTH_DIGIT = "SQL Server keeps 7 fractional digits (100 ns), PostgreSQL 6: "
            + "the 7th digit is rounded to the microsecond";

    private static final Map<String, Function<DataType, MappedType>> TYPES = Map.ofEntries(
            Map.entry("bigint", t -> MappedType.exact("bigint")),
            Map.entry("int", t -> MappedType.exact("integer")),
            Map.entry("smallint", t -> MappedType.exact("smallint")),
            Map.entry("tinyint", t -> MappedType.exact("smallint").withCheck("%s BETWEEN 0 AND 255")),
            Map.entry("bit", t -> MappedType.exact("boolean")),
            Map.entry("decimal", t -> MappedType.exact("numeric(" + t.precision() + "," + t.scale() + ")")),
            Map.entry("numeric", t -> MappedType.exact("numeric(" + t.precision() + "," + t.scale() + ")")),
            Map.entry("money", t -> MappedType.exact("numeric(19,4)")),
            Map.entry("smallmoney", t -> MappedType.exact("numeric(10,4)")),
            Map.entry("float", t -> MappedType.exact(t.precision() != null && t.precision() <= 24 ? "real" : "double precision")),
            Map.entry("real", t -> MappedType.exact("real")),
            Map.entry("date", t -> MappedType.exact("date")),
            Map.entry("time", t -> fractional("time", t)),
            Map.entry("datetime", t -> MappedType.exact("timestamp(3)")),
            Map.entry("datetime2", t -> fractional("timestamp", t)),
            Map.entry("smalldatetime", t -> MappedType.exact("timestamp(0)")),
            Map.entry("datetimeoffset", t -> fractional("timestamptz", t).withWarning(
                    "the UTC offset is not kept: each value is stored as the same instant, shown in the session time zone")),
            Map.entry("char", t -> MappedType.text("char(" + t.length() + ")", t.length())),
            Map.entry("nchar", t -> MappedType.text("char(" + t.length() + ")", t.length())),
            Map.entry("varchar", SqlServerTypeMapper::varchar),
            Map.entry("nvarchar", SqlServerTypeMapper::varchar),
            Map.entry("sysname", t -> MappedType.text("varchar(128)", 128)),
            Map.entry("text", t -> MappedType.text("text", null)),
            Map.entry("ntext", t -> MappedType.text("text", null)),
            Map.entry("binary", t -> MappedType.exact("bytea")),
            Map.entry("varbinary", t -> MappedType.exact("bytea")),
            Map.entry("image", t -> MappedType.exact("bytea")),
            Map.entry("uniqueidentifier", t -> MappedType.exact("uuid")),
            Map.entry("rowversion", SqlServerTypeMapper::rowversion),
            Map.entry("timestamp", SqlServerTypeMapper::rowversion),
            Map.entry("json", t -> MappedType.exact("json")),
            Map.entry("xml", t -> MappedType.lossy("xml",
                    "XML schema collections and XQuery methods (.value(), .nodes()) are not converted")),
            Map.entry("sql_variant", t -> MappedType.lossy("text",
                    "each value's base type is lost: values are copied as the exact text of their base value "
                    + "(datetime as yyyy-mm-dd hh:mi:ss.mmm, float with 17 digits, money with 4 decimals, binary as 0x…)")),
            Map.entry("hierarchyid", t -> MappedType.lossy("text",
                    "stored as its path string (/1/3/); hierarchy methods are gone (ltree is an alternative)")),
            Map.entry("geography", t -> MappedType.lossy("text",
                    "stored as WKT text without its SRID; for spatial queries install PostGIS and cast to geography")),
            Map.entry("geometry", t -> MappedType.lossy("text",
                    "stored as WKT text without its SRID; for spatial queries install PostGIS and cast to geometry")));

    @Override
    public MappedType map(DataType type) {
        Function<DataType, MappedType> rule = TYPES.get(type.name().toLowerCase(Locale.ROOT));
        return rule == null ? null : rule.apply(type);
    }

    /** Collations such as SQL_Latin1_General_CP1_CI_AS or Latin1_General_100_CI_AS_SC_UTF8. */
    @Override
    public boolean isCaseInsensitive(String collation) {
        return collation != null && collation.toUpperCase(Locale.ROOT).contains("_CI");
    }

    private static MappedType varchar(DataType t) {
        return t.isMax() ? MappedType.text("text", null) : MappedType.text("varchar(" + t.length() + ")", t.length());
    }

    private static MappedType fractional(String pgType, DataType t) {
        int digits = t.precision() == null ? 7 : t.precision();
        MappedType mapped = MappedType.exact(pgType + "(" + Math.min(digits, 6) + ")");
        return digits > 6 ? mapped.withWarning(SEVENTH_DIGIT) : mapped;
    }

    private static MappedType rowversion(DataType t) {
        return MappedType.lossy("bytea", "values are copied as their 8 bytes, but PostgreSQL does not advance them "
                + "on update: use xmin or a trigger for optimistic concurrency");
    }
}
