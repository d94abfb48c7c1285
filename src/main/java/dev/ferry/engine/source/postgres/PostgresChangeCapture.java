package dev.ferry.engine.source.postgres;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.Change;
import dev.ferry.engine.source.ChangeCapture;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Trigger-based change capture on PostgreSQL: a row trigger on each table writes the key of every
 * inserted, updated or deleted row (and the old key when an update changes it) into
 * {@code ferry_cdc.change}. Positions come from a sequence, taken at write time, not commit time,
 * so changes are handed out until {@linkplain #consumed consumed} rather than after a position.
 * Installed and removed by Ferry.
 */
public final class PostgresChangeCapture implements ChangeCapture {
    static final String HEAD = "SELECT coalesce(max(position), 0) FROM ferry_cdc.change";
    /** The captured tables, each as a qualified name PostgreSQL quotes itself. */
    static final String CAPTURED_TABLES = "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'ferry_cdc'";
    static final int LOCK_TIMEOUT_MILLIS = 2_000;
    static final int LOCK_ATTEMPTS = 5;
    static final String SCHEMA = """
            CREATE SCHEMA IF NOT EXISTS ferry_cdc;
            CREATE TABLE IF NOT EXISTS ferry_cdc.change (
                position bigserial PRIMARY KEY,
                table_schema text,
                table_name text NOT NULL,
                key_values text[] NOT NULL,
                changed_at timestamptz NOT NULL DEFAULT clock_timestamp());
            ALTER TABLE ferry_cdc.change ADD COLUMN IF NOT EXISTS table_schema text;
            CREATE OR REPLACE FUNCTION ferry_cdc.capture() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
            DECLARE
                new_key text[] := '{}';
                old_key text[] := '{}';
                c text;
            BEGIN
                FOREACH c IN ARRAY TG_ARGV LOOP
                    IF TG_OP <> 'DELETE' THEN new_key := new_key || (to_jsonb(NEW) ->> c); END IF;
                    IF TG_OP <> 'INSERT' THEN old_key := old_key || (to_jsonb(OLD) ->> c); END IF;
                END LOOP;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO ferry_cdc.change (table_schema, table_name, key_values) VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, new_key);
                END IF;
                IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND old_key IS DISTINCT FROM new_key) THEN
                    INSERT INTO ferry_cdc.change (table_schema, table_name, key_values) VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, old_key);
                END IF;
                RETURN NULL;
            END
            $fn$""";

    @Override
    public long install(Connection source, List<Table> tables) {
        try (Statement st = source.createStatement()) {
            st.execute(SCHEMA);
            for (Table t : tables) {
                List<String> key = ChangeCapture.rowKey(t);
                String table = quote(t.ref().schema()) + "." + quote(t.ref().name());
                st.execute("DROP TRIGGER IF EXISTS ferry_cdc ON " + table);
                st.execute("CREATE TRIGGER ferry_cdc AFTER INSERT OR UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION ferry_cdc.capture(" + key.stream().map(PostgresChangeCapture::literal)
                        .collect(Collectors.joining(", ")) + ")");
            }
            return head(source);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONFIGURATION, "Unable to install change capture", e);
        }
    }

    @Override
    public long head(Connection source) {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(HEAD)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the newest captured change", e);
        }
    }

    @Override
    public List<Change> changesAfter(Connection source, long position, int limit) {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = source.prepareStatement("SELECT position, table_schema, table_name, key_values FROM ferry_cdc.change "
                + "ORDER BY position LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array key = rs.getArray(4);
                    out.add(new Change(rs.getLong(1), table(rs.getString(2), rs.getString(3)), Arrays.asList((String[]) key.getArray())));
                }
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read captured changes", e);
        }
    }

    /**
     * The captured change's table; a change recorded before the log had {@code table_schema} holds
     * {@code schema.name} in {@code table_name} (those schemas had no dot in practice).
     */
    private static TableRef table(String schema, String name) {
        if (schema != null) {
            return new TableRef(schema, name);
        }
        int dot = name.indexOf('.');
        return new TableRef(name.substring(0, dot), name.substring(dot + 1));
    }

    @Override
    public void consumed(Connection source, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // the log is Ferry's: forgetting applied changes must work while the database is frozen
        try (PreparedStatement ps = source.prepareStatement("DELETE FROM ferry_cdc.change WHERE position = ANY (?)")) {
            boolean auto = source.getAutoCommit();
            source.setAutoCommit(false);
            try (Statement st = source.createStatement()) {
                st.execute("SET TRANSACTION READ WRITE");
            }
            ps.setArray(1, source.createArrayOf("bigint", changes.stream().map(Change::position).toArray()));
            ps.executeUpdate();
            source.commit();
            source.setAutoCommit(auto);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to forget applied changes", e);
        }
    }

    @Override
    public Lag lag(Connection source, long position) {
        try (PreparedStatement ps = source.prepareStatement("SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() "
                + "- min(changed_at)), 0) FROM ferry_cdc.change")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Lag(rs.getLong(1), rs.getDouble(2));
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to measure the sync lag", e);
        }
    }

    /**
     * Drops the triggers one table at a time, each under a short lock timeout and retried, then the
     * schema (which then locks none of the application's tables): one {@code DROP SCHEMA … CASCADE}
     * would take an exclusive lock on every captured table at once and can deadlock with the
     * application's writes.
     */
    @Override
    public void remove(Connection source) {
        try {
            List<String> tables = new ArrayList<>();
            try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(CAPTURED_TABLES)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                underShortLocks(source, "DROP TRIGGER IF EXISTS ferry_cdc ON " + table);
            }
            underShortLocks(source, "DROP SCHEMA IF EXISTS ferry_cdc CASCADE");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONFIGURATION, "Unable to remove change capture", e);
        }
    }

    /** Runs {@code ddl} in its own transaction with a short lock timeout, tried again while a lock is busy or a deadlock ends it. */
    private static void underShortLocks(Connection c, String ddl) throws SQLException {
        LockBoundTransaction.run(c, LOCK_TIMEOUT_MILLIS, LOCK_ATTEMPTS, () -> {
            try (Statement st = c.createStatement()) {
                st.execute(ddl);
            }
        });
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
