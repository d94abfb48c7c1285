package dev.ferry.engine.copy;

import dev.ferry.engine.destination.ValueCounters;
import dev.ferry.engine.model.ChunkRange;

/** What copying one chunk did. */
public record ChunkResult(ChunkRange chunk, long rows, long bytes, double seconds, ValueCounters counters) {
}
