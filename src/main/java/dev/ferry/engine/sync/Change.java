package dev.ferry.engine.sync;

import dev.ferry.engine.model.TableRef;
import java.util.List;

/**
 * One captured change on the source: which row (by its key values, as text) of which table, at
 * which position of the capture. The row's current state is read from the source when the change
 * is applied, so replaying a change is idempotent.
 */
public record Change(long position, TableRef table, List<String> key) {
}
