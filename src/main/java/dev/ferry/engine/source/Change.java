package dev.ferry.engine.source;

import dev.ferry.engine.model.TableRef;
import java.util.List;

/**
 * One captured change on the source: which row (by its key values, as text) of which table, at
 * which position of the capture. The row's current state is read from the source when the change
 * is applied, so replaying a change is idempotent. A change without a key stands for the whole
 * table (its changes could not be read any more): the table is then re-synchronized row by row.
 */
public record Change(long position, TableRef table, List<String> key) {
    public static Change wholeTable(long position, TableRef table) {
        return new Change(position, table, null);
    }

    public boolean isWholeTable() {
        return key == null;
    }
}
