package dev.ferry.engine.destination;

import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What a codec needs besides the value: where it is (table, column, the row's key, for error
 * messages), the configured value policy, and the counters of values replaced or rounded.
 */
public final class ValueContext {
    private final String table;
    private final List<String> keyColumns;
    private final List<Integer> keyIndexes;
    private final ValuePolicy policy;
    private final ValueCounters counters;
    private ResultSet current;

    /**
     * @param keyColumns source names of the key columns (may be empty)
     * @param keyIndexes their 1-based positions in the result set
     */
    public ValueContext(String table, List<String> keyColumns, List<Integer> keyIndexes, ValuePolicy policy, ValueCounters counters) {
        this.table = table;
        this.keyColumns = keyColumns;
        this.keyIndexes = keyIndexes;
        this.policy = policy;
        this.counters = counters;
    }

    public void row(ResultSet rs) {
        this.current = rs;
    }

    ValuePolicy policy() {
        return policy;
    }

    ValueCounters counters() {
        return counters;
    }

    /** A data error naming table, column and the row's key; never retried. */
    public FerryException error(String column, String problem) {
        return new FerryException(ErrorCode.DATA, "Unable to copy " + table + "." + column + " of the row with "
                + key() + ": " + problem);
    }

    String key() {
        if (keyColumns.isEmpty() || current == null) {
            return "no key (table has no primary key)";
        }
        StringBuilder s = new StringBuilder();
        try {
            for (int i = 0; i < keyColumns.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(keyColumns.get(i)).append('=').append(current.getString(keyIndexes.get(i)));
            }
        } catch (SQLException e) {
            s.append(" (key unreadable: ").append(e.getMessage()).append(')');
        }
        return s.toString();
    }
}
