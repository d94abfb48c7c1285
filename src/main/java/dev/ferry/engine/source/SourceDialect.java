package dev.ferry.engine.source;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.expr.ExpressionTranslator;
import dev.ferry.engine.source.TypeMapper;
import java.sql.Connection;

/**
 * Everything Ferry needs to know about one kind of source database. One implementation per
 * vendor, each in its own package: {@code sqlserver}, {@code postgres}, {@code h2}.
 */
public interface SourceDialect {
    /** The product's name as shown to people, e.g. "SQL Server". */
    String product();

    /** Whether this dialect handles databases reached through {@code jdbcUrl}. */
    boolean accepts(String jdbcUrl);

    /** The schema unqualified names resolve to (dbo, PUBLIC, public); it becomes {@code public} on the target. */
    String defaultSchema();

    /**
     * Reads every user table with its columns, keys, indexes, foreign keys and CHECKs, and lists
     * the objects Ferry does not convert. Catalog errors surface as
     * {@link dev.ferry.engine.ErrorCode#INTROSPECTION}.
     */
    DatabaseSchema introspect(Connection connection);

    /** This dialect's column types to PostgreSQL. */
    TypeMapper typeMapper();

    /** This dialect's expressions (defaults, CHECKs, filters, computed columns) to PostgreSQL. */
    ExpressionTranslator expressionTranslator();

    /**
     * This dialect's view queries to PostgreSQL; by default none translates, so every view is
     * listed with the reason and can be supplied under {@code views:} in the config.
     */
    default dev.ferry.engine.source.expr.ViewTranslator viewTranslator() {
        return (view, names) -> dev.ferry.engine.source.expr.ViewTranslation.failed(
                "Ferry does not translate views of " + product());
    }

    /**
     * The source's SEQUENCE objects as they stand now (their last values move while applications
     * write); a cutover carries them to the target. By default read by a whole introspection.
     */
    default java.util.List<dev.ferry.engine.model.Sequence> sequences(Connection connection) {
        return introspect(connection).sequences();
    }

    /** Quotes an identifier for use in this dialect's SQL. */
    String quote(String identifier);

    /** The schema-qualified, quoted name of a table in this dialect's SQL. */
    default String qualified(dev.ferry.engine.model.TableRef table) {
        return quote(table.schema()) + "." + quote(table.name());
    }

    /**
     * How the copy selects a column: the quoted name, or an expression that turns a type the
     * driver cannot hand over as-is into the value the mapping promises (SQL Server's spatial and
     * hierarchy types become text).
     */
    default String selectExpression(dev.ferry.engine.model.Column column) {
        return quote(column.name());
    }

    /**
     * Column {@code column} of the current row, read as a chunk bound: a value that
     * {@link dev.ferry.engine.model.KeyValues#encode} keeps exactly and that binds back as a
     * parameter of this dialect's comparison.
     */
    default Object keyValue(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        Object value = rs.getObject(column);
        // java.sql temporals are made in the JVM's zone: a timestamp in its DST gap would move by an hour (issue 14)
        if (value instanceof java.sql.Timestamp) {
            return rs.getObject(column, java.time.LocalDateTime.class);
        }
        if (value instanceof java.sql.Time) {
            return rs.getObject(column, java.time.LocalTime.class);
        }
        return value instanceof java.sql.Date ? rs.getObject(column, java.time.LocalDate.class) : value;
    }

    /**
     * The SQL that stands for a bound value compared with key column {@code column}: {@code parameter}
     * itself, or an expression giving it the column's own type, so the source compares in the column's
     * order (SQL Server compares a varchar column with a Unicode parameter in Unicode order).
     */
    default String keyParameter(dev.ferry.engine.model.Column column, String parameter) {
        return parameter;
    }

    /**
     * Captured key text of key column {@code column} (as {@link ChangeCapture} yields it, in
     * PostgreSQL's input form) as the value bound to look the row up again on this source: the text
     * itself, or a value of the column's own type where the source will not convert the text (SQL
     * Server converts nvarchar to varbinary only explicitly, so binary keys go as their bytes).
     */
    default Object keyTextValue(dev.ferry.engine.model.Column column, String text) {
        return text;
    }

    /** Binds captured key text of key column {@code column} as parameter {@code index}, as {@link #keyTextValue} decides. */
    default void bindKeyText(java.sql.PreparedStatement ps, int index, dev.ferry.engine.model.Column column, String text)
            throws java.sql.SQLException {
        Object value = keyTextValue(column, text);
        if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            ps.setString(index, (String) value);
        }
    }

    /** Binds a chunk-bound value (as {@link dev.ferry.engine.model.KeyValues#decode} returns it) as parameter {@code index}. */
    default void bindKey(java.sql.PreparedStatement ps, int index, Object value) throws java.sql.SQLException {
        ps.setObject(index, value);
    }

    /**
     * A chunk-bound value (as {@link dev.ferry.engine.model.KeyValues#decode} returns it) as a
     * literal of this dialect's SQL, for statements that take no parameters (PostgreSQL's
     * {@code COPY (SELECT …) TO STDOUT}); dialects that always bind parameters do not write literals.
     */
    default String boundLiteral(Object value) {
        throw new dev.ferry.engine.FerryException(dev.ferry.engine.ErrorCode.UNSUPPORTED_TYPE,
                "Unable to write a chunk bound as a literal of " + product() + ": its chunk bounds are bound as parameters");
    }

    /**
     * Whether {@code source} and {@code target} are connected to the same database, however their
     * URLs spell it; a migration onto its own source is refused before anything is written. Only a
     * PostgreSQL source can be its own target.
     */
    default boolean isSameDatabase(Connection source, Connection target) throws java.sql.SQLException {
        return false;
    }

    /**
     * {@code table} sampled at about {@code percent} % of its rows, as a FROM item: a random choice of
     * its pages (TABLESAMPLE SYSTEM), read instead of every row when chunk bounds are taken from a
     * sample of the keys. Empty where this source cannot sample a table; its bounds then come from
     * every key. {@code percent} is a number Ferry computed, never text from outside.
     */
    default java.util.Optional<String> sampledTable(dev.ferry.engine.model.TableRef table, double percent) {
        return java.util.Optional.empty();
    }

    /** The aggregate that counts rows without overflowing. */
    default String rowCount() {
        return "count(*)";
    }

    /**
     * This source's expression for the length in bytes of {@code column}'s value: the probe that
     * lowers the fetch size of a read with long values where the driver does not stream them.
     */
    default String octetLength(dev.ferry.engine.model.Column column) {
        return "octet_length(" + quote(column.name()) + ")";
    }

    /** Makes a connection stream large results instead of buffering them (PostgreSQL needs a transaction). */
    default void prepareForStreaming(Connection connection) throws java.sql.SQLException {
        connection.setReadOnly(true);
    }

    /** Change capture on this kind of source; empty when Ferry cannot capture its changes. */
    default java.util.Optional<dev.ferry.engine.source.ChangeCapture> changeCapture() {
        return java.util.Optional.empty();
    }

    /** This source's change capture, or the one error for a source Ferry cannot capture (CONFIGURATION). */
    default dev.ferry.engine.source.ChangeCapture requireChangeCapture() {
        return changeCapture().orElseThrow(() -> new dev.ferry.engine.FerryException(dev.ferry.engine.ErrorCode.CONFIGURATION,
                "Unable to capture changes of " + product() + ": Ferry has no change capture for it"));
    }

    /** How a cutover stops applications writing to this kind of source, as configured; empty when it cannot. */
    default java.util.Optional<dev.ferry.engine.source.WriteFreeze> writeFreeze(dev.ferry.engine.config.FreezeConfig config) {
        return java.util.Optional.empty();
    }

    /**
     * What an INSERT carrying an explicit value for {@code identity}'s column says between its
     * column list and VALUES (PostgreSQL's {@code OVERRIDING SYSTEM VALUE} for GENERATED ALWAYS); empty
     * where none is needed.
     */
    default String insertOverriding(dev.ferry.engine.model.Identity identity) {
        return "";
    }

    /** Whether an UPDATE may set {@code identity}'s column (never on SQL Server; not GENERATED ALWAYS on PostgreSQL). */
    default boolean updatesIdentity(dev.ferry.engine.model.Identity identity) {
        return true;
    }

    /**
     * Lets this session insert explicit values into {@code table}'s identity column (SQL Server's
     * IDENTITY_INSERT), or stops letting it; a rollback writes the target's rows back with their keys.
     */
    default void allowExplicitIdentity(Connection connection, dev.ferry.engine.model.TableRef table, boolean allow)
            throws java.sql.SQLException {
    }

    /**
     * The columns of {@code table} this source computes itself and refuses a client's value for, each
     * with the reason (SQL Server: rowversion, computed columns, system-versioning period columns); a
     * rollback writes every other column back and leaves these to the source. Empty by default.
     */
    default java.util.Map<String, String> serverWrittenColumns(Connection connection, dev.ferry.engine.model.TableRef table)
            throws java.sql.SQLException {
        return java.util.Map.of();
    }

    /**
     * Makes {@code column}'s identity hand out {@code next} or more from now on, never lowering it
     * (after a rollback brought rows with higher keys back from the target).
     */
    default void raiseIdentity(Connection connection, dev.ferry.engine.model.TableRef table, dev.ferry.engine.model.Column column,
                               long next) throws java.sql.SQLException {
        throw new dev.ferry.engine.FerryException(dev.ferry.engine.ErrorCode.ROLLBACK, "Unable to raise the identity of "
                + table + "." + column.name() + ": " + product() + " is not supported for rollback");
    }

    /**
     * A value read from PostgreSQL, as this dialect's driver takes it in a parameter: PostgreSQL's
     * own objects (json, interval, …) as their text unless the dialect is PostgreSQL itself.
     */
    default Object fromPostgres(Object value) {
        return value instanceof org.postgresql.util.PGobject o ? o.getValue() : value;
    }

    /**
     * Whether this source is PostgreSQL itself, so a table can be copied by its binary {@code COPY …
     * TO STDOUT} straight into the target's {@code COPY … FROM STDIN} (the pass-through) instead of
     * row by row through the codecs.
     */
    default boolean copiesAsPostgresBinary() {
        return false;
    }

    /**
     * Whether this driver hands a long value over as a stream ({@code getCharacterStream},
     * {@code getBinaryStream}) without first holding it whole: mssql-jdbc does with
     * {@code responseBuffering=adaptive}, H2 does for its LOBs; pgjdbc does not (it reads a whole
     * row's fields into memory whatever is asked, so a long value is best read once, whole).
     */
    default boolean streamsLongValues() {
        return false;
    }
}
