package dev.ferry.engine.source.h2;

import dev.ferry.engine.model.DataType;
import dev.ferry.engine.source.MappedType;
import dev.ferry.engine.source.TypeMapper;
import java.util.Map;
import java.util.function.Function;

/**
 * H2's types to PostgreSQL. H2 in MSSQLServer mode stores T-SQL types as its own (DATETIME2(7)
 * becomes TIMESTAMP(7), BIT becomes BOOLEAN, MONEY becomes NUMERIC(19,4)), so this maps those.
 */
final class H2TypeMapper implements TypeMapper {
    /** H2 reports unbounded character and binary columns with this length. */
    static final long H2_MAX_LENGTH = 1_000_000_000L;
    /** The pseudo-collation the reader gives VARCHAR_IGNORECASE columns. */
    static final String IGNORECASE = "IGNORECASE";

    private static final Map<String, Function<DataType, MappedType>> TYPES = Map.ofEntries(
            Map.entry("boolean", t -> MappedType.exact("boolean")),
            Map.entry("tinyint", t -> MappedType.exact("smallint")),
            Map.entry("smallint", t -> MappedType.exact("smallint")),
            Map.entry("integer", t -> MappedType.exact("integer")),
            Map.entry("bigint", t -> MappedType.exact("bigint")),
            Map.entry("numeric", t -> MappedType.exact("numeric(" + t.precision() + "," + t.scale() + ")")),
            Map.entry("decimal", t -> MappedType.exact("numeric(" + t.precision() + "," + t.scale() + ")")),
            Map.entry("decfloat", t -> MappedType.exact("numeric")),
            Map.entry("real", t -> MappedType.exact("real")),
            Map.entry("double precision", t -> MappedType.exact("double precision")),
            Map.entry("character", t -> MappedType.text("char(" + t.length() + ")", t.length())),
            Map.entry("character varying", H2TypeMapper::varchar),
            Map.entry("varchar_ignorecase", H2TypeMapper::varchar),
            Map.entry("character large object", t -> MappedType.text("text", null)),
            Map.entry("binary", t -> MappedType.exact("bytea")),
            Map.entry("binary varying", t -> MappedType.exact("bytea")),
            Map.entry("binary large object", t -> MappedType.exact("bytea")),
            Map.entry("date", t -> MappedType.exact("date")),
            Map.entry("time", t -> fractional("time", t)),
            Map.entry("time with time zone", t -> fractional("timetz", t)),
            Map.entry("timestamp", t -> fractional("timestamp", t)),
            Map.entry("timestamp with time zone", t -> fractional("timestamptz", t).withWarning(
                    "the UTC offset is not kept: each value is stored as the same instant")),
            Map.entry("uuid", t -> MappedType.exact("uuid")),
            Map.entry("json", t -> MappedType.exact("json")));

    @Override
    public MappedType map(DataType type) {
        Function<DataType, MappedType> rule = TYPES.get(type.name());
        return rule == null ? null : rule.apply(type);
    }

    @Override
    public boolean isCaseInsensitive(String collation) {
        return IGNORECASE.equals(collation);
    }

    private static MappedType varchar(DataType t) {
        return t.isMax() ? MappedType.text("text", null) : MappedType.text("varchar(" + t.length() + ")", t.length());
    }

    private static MappedType fractional(String pgType, DataType t) {
        int digits = t.precision() == null ? 6 : t.precision();
        MappedType mapped = MappedType.exact(pgType + "(" + Math.min(digits, 6) + ")");
        return digits > 6 ? mapped.withWarning("H2 keeps " + digits
                + " fractional digits, PostgreSQL 6: further digits are rounded to the microsecond") : mapped;
    }
}
