package dev.ferry.engine.source.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.api.Trigger;

/**
 * The row trigger {@link H2ChangeCapture} installs: logs the key of every written row, and the old
 * key when an update moves it, into
 * {@code FERRY_CDC.CHANGE}. Keys are logged as a JSON array of H2's own text of each value (a CAST
 * to VARCHAR), so they bind back to the key columns unchanged; binary values as PostgreSQL's
 * {@code \x} hex text, which {@link H2Dialect#keyTextValue} turns back into bytes. (ARRAY[…] cannot be used: in SQL
 * Server mode H2 reads the bracket as a quoted name.)
 */
public final class H2CaptureTrigger implements Trigger {
    static final String KEY_COLUMNS = "SELECT KEY_COLUMNS FROM FERRY_CDC.CAPTURED WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    static final String POSITION = "SELECT ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? "
            + "AND TABLE_NAME = ? AND COLUMN_NAME = ?";

    private String schema;
    private String name;
    private String table;
    private int[] keyIndexes;
    private String insert;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        schema = schemaName;
        name = tableName;
        table = schemaName + "." + tableName;
        List<Integer> indexes = new ArrayList<>();
        Object[] names = null;
        try (PreparedStatement ps = conn.prepareStatement(KEY_COLUMNS)) {
            ps.setString(1, schemaName);
            ps.setString(2, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    names = (Object[]) rs.getArray(1).getArray();
                }
            }
        }
        if (names == null || names.length == 0) {
            throw new SQLException("Unable to capture changes of " + table + ": FERRY_CDC.CAPTURED names no key columns for it");
        }
        try (PreparedStatement ps = conn.prepareStatement(POSITION)) {
            for (Object name : names) {
                ps.setString(1, schemaName);
                ps.setString(2, tableName);
                ps.setString(3, (String) name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("Unable to capture changes of " + table + ": it has no key column " + name);
                    }
                    indexes.add(rs.getInt(1) - 1);
                }
            }
        }
        keyIndexes = indexes.stream().mapToInt(Integer::intValue).toArray();
        insert = "INSERT INTO FERRY_CDC.CHANGE (TABLE_SCHEMA, TABLE_NAME, KEY_VALUES) VALUES (?, ?, JSON_ARRAY("
                + String.join(", ", java.util.Collections.nCopies(keyIndexes.length, "CAST(? AS VARCHAR)")) + "))";
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] newKey = newRow == null ? null : key(newRow);
        Object[] oldKey = oldRow == null ? null : key(oldRow);
        if (newKey != null) {
            log(conn, newKey);
        }
        if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
            log(conn, oldKey);
        }
    }

    private Object[] key(Object[] row) {
        Object[] key = new Object[keyIndexes.length];
        for (int i = 0; i < keyIndexes.length; i++) {
            key[i] = row[keyIndexes[i]];
        }
        return key;
    }

    private void log(Connection conn, Object[] key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(insert)) {
            ps.setString(1, schema);
            ps.setString(2, name);
            for (int i = 0; i < key.length; i++) {
                // bytes as PostgreSQL's hex text: CAST to VARCHAR would read them as UTF-8 characters
                ps.setObject(i + 3, key[i] instanceof byte[] b ? "\\x" + java.util.HexFormat.of().formatHex(b) : key[i]);
            }
            ps.executeUpdate();
        }
    }
}
