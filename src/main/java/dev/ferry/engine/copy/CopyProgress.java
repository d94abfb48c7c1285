package dev.ferry.engine.copy;

import dev.ferry.engine.model.TableRef;
import java.util.Map;

/** What the copy tells whoever shows progress (a terminal bar, log lines, telemetry). Called from worker threads. */
public interface CopyProgress {
    /** Rows to copy per table (source counts when planned), and rows already copied by an earlier attempt of the run. */
    void started(Map<TableRef, Long> plannedRows, Map<TableRef, Long> alreadyCopied);

    /** A chunk committed: its rows, bytes and how long it took. */
    void chunkCopied(TableRef table, long rows, long bytes, double seconds);

    void retrying(TableRef table, int attempt, String reason);

    void finished();

    /** Progress nobody watches. */
    CopyProgress NONE = new CopyProgress() {
        @Override
        public void started(Map<TableRef, Long> plannedRows, Map<TableRef, Long> alreadyCopied) {
        }

        @Override
        public void chunkCopied(TableRef table, long rows, long bytes, double seconds) {
        }

        @Override
        public void retrying(TableRef table, int attempt, String reason) {
        }

        @Override
        public void finished() {
        }
    };
}
