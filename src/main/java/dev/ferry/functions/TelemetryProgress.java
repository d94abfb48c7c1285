package dev.ferry.functions;

import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.model.TableRef;
import java.util.Map;

/** Copy progress as metrics: rows and chunk durations per table, and retries. */
final class TelemetryProgress implements CopyProgress {
    private final Telemetry telemetry;

    TelemetryProgress(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void started(Map<TableRef, Long> plannedRows, Map<TableRef, Long> alreadyCopied) {
    }

    @Override
    public void chunkCopied(TableRef table, long rows, long bytes, double seconds) {
        telemetry.chunk(table, rows, seconds);
    }

    @Override
    public void retrying(TableRef table, int attempt, String reason) {
        telemetry.retry(table);
    }

    @Override
    public void finished() {
    }
}
