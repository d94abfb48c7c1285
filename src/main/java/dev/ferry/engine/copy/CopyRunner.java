package dev.ferry.engine.copy;

import dev.ferry.engine.Retries;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.ChunkRange;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Copies chunks, each with retries: a chunk that fails with a retriable error is tried again after
 * a backoff, up to {@code maxAttempts}; any other failure is recorded for the journal and thrown.
 * Parallelism is the workflow runner's (chunks are activities).
 */
public final class CopyRunner {
    private final ChunkCopier copier;
    private final int maxAttempts;
    private final CopyProgress progress;
    private final Consumer<FailedChunk> onFailure;

    /** A chunk that failed for good, for the journal. */
    public record FailedChunk(ChunkRange chunk, Throwable error) {
    }

    public CopyRunner(ChunkCopier copier, int maxAttempts, CopyProgress progress, Consumer<FailedChunk> onFailure) {
        this.copier = copier;
        this.maxAttempts = maxAttempts;
        this.progress = progress;
        this.onFailure = onFailure;
    }

    /** A chunk to copy with its table's spec. */
    public record Task(TableCopySpec spec, ChunkRange chunk) {
    }

    /** Copies one chunk, retrying retriable failures with backoff; any other failure is recorded and thrown. */
    public ChunkResult copy(Task task) {
        try {
            return copyWithRetries(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.COPY, "Copy of " + task.chunk() + " interrupted", e);
        }
    }

    private ChunkResult copyWithRetries(Task task) throws InterruptedException {
        AtomicInteger attempt = new AtomicInteger();
        while (true) {
            int n = attempt.incrementAndGet();
            try {
                ChunkResult r = copier.copy(task.spec(), task.chunk());
                progress.chunkCopied(task.chunk().table(), r.rows(), r.bytes(), r.seconds());
                return r;
            } catch (RuntimeException e) {
                if (n >= maxAttempts || !Retries.isRetriable(e)) {
                    onFailure.accept(new FailedChunk(task.chunk(), e));
                    if (n >= maxAttempts && Retries.isRetriable(e)) {
                        throw new FerryException(ErrorCode.COPY, "Unable to copy " + task.chunk() + " after " + n
                                + " attempts: " + e.getMessage(), e);
                    }
                    throw e;
                }
                progress.retrying(task.chunk().table(), n + 1, e.getMessage());
                Thread.sleep(Retries.backoffMillis(n));
            }
        }
    }
}
