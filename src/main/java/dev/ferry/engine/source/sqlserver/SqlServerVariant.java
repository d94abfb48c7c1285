package dev.ferry.engine.source.sqlserver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@code sql_variant} value is read as text without losing anything: by its base type
 * ({@code SQL_VARIANT_PROPERTY(v, 'BaseType')}), each with a lossless CONVERT style. One
 * {@code CONVERT(nvarchar(4000), v)} used each base type's default style: datetime lost its seconds
 * (style 0), money kept 2 decimals, float and real 6 digits, varchar past 4000 characters was cut and
 * binary was reinterpreted as characters (issue 14.2). The copy and the validation both read this
 * expression, so what validation compares with the target is each base value's exact text.
 */
final class SqlServerVariant {
    /** Base type → the lossless text of a value of it; {@code %s} is the quoted column. Others use their default style, which is lossless. */
    static final Map<String, String> BY_BASE_TYPE = new LinkedHashMap<>();

    static {
        BY_BASE_TYPE.put("datetime", "CONVERT(nvarchar(max), CAST(%s AS datetime), 121)"); // yyyy-mm-dd hh:mi:ss.mmm
        BY_BASE_TYPE.put("smalldatetime", "CONVERT(nvarchar(max), CAST(%s AS smalldatetime), 120)"); // yyyy-mm-dd hh:mi:ss
        BY_BASE_TYPE.put("float", "CONVERT(nvarchar(max), CAST(%s AS float), 3)"); // 17 digits: every value distinct (2016+)
        BY_BASE_TYPE.put("real", "CONVERT(nvarchar(max), CAST(%s AS real), 3)");
        BY_BASE_TYPE.put("money", "CONVERT(nvarchar(max), CAST(%s AS money), 2)"); // four decimals, no commas
        BY_BASE_TYPE.put("smallmoney", "CONVERT(nvarchar(max), CAST(%s AS smallmoney), 2)");
        BY_BASE_TYPE.put("binary", "CONVERT(nvarchar(max), CAST(%s AS varbinary(8000)), 1)"); // 0x + hex
        BY_BASE_TYPE.put("varbinary", "CONVERT(nvarchar(max), CAST(%s AS varbinary(8000)), 1)");
        BY_BASE_TYPE.put("char", "CONVERT(nvarchar(max), CAST(%s AS varchar(8000)))"); // up to 8000 characters
        BY_BASE_TYPE.put("varchar", "CONVERT(nvarchar(max), CAST(%s AS varchar(8000)))");
    }

    private SqlServerVariant() {
    }

    /** The select expression for the quoted sql_variant column {@code column}. */
    static String select(String column) {
        StringBuilder out = new StringBuilder("CASE CAST(SQL_VARIANT_PROPERTY(").append(column).append(", 'BaseType') AS sysname)");
        BY_BASE_TYPE.forEach((type, text) -> out.append(" WHEN '").append(type).append("' THEN ").append(String.format(text, column)));
        return out.append(" ELSE CONVERT(nvarchar(max), ").append(column).append(") END").toString();
    }
}
