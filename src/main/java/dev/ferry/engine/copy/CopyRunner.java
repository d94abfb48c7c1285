package dev.ferry.engine.copy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.Threads;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs chunk copies on {@code workers} threads. A chunk that fails with a retriable error is tried
 * again after a backoff, up to {@code maxAttempts}; any other failure stops the run: no new chunk
 * starts, the chunks in flight finish or roll back, and the first failure is thrown.
 */
public final class CopyRunner {
    private final ChunkCopier copier;
    private final int workers;
    private final int maxAttempts;
    private final CopyProgress progress;
    private final Consumer<FailedChunk> onFailure;

    /** A chunk that failed for good, for the journal. */
    public record FailedChunk(ChunkRange chunk, Throwable error) {
    }

    public CopyRunner(ChunkCopier copier, int workers, int maxAttempts, CopyProgress progress, Consumer<FailedChunk> onFailure) {
        this.copier = copier;
        this.workers = workers;
        this.maxAttempts = maxAttempts;
        this.progress = progress;
        this.onFailure = onFailure;
    }

    /** A chunk to copy with its table's spec. */
    public record Task(TableCopySpec spec, ChunkRange chunk) {
    }

    public List<ChunkResult> run(List<Task> tasks) {
        ExecutorService pool = Threads.daemonPool("ferry-copy", workers);
        CompletionService<ChunkResult> done = new ExecutorCompletionService<>(pool);
        List<Future<ChunkResult>> futures = new ArrayList<>();
        List<ChunkResult> results = new ArrayList<>();
        try {
            for (Task task : tasks) {
                futures.add(done.submit(() -> copyWithRetries(task)));
            }
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    results.add(done.take().get());
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(false));
                    throw Threads.unwrap(e, ErrorCode.COPY, "copy");
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.COPY, "Copy interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private ChunkResult copyWithRetries(Task task) throws InterruptedException {
        AtomicInteger attempt = new AtomicInteger();
        while (true) {
            int n = attempt.incrementAndGet();
            try {
                ChunkResult r = copier.copy(task.spec(), task.chunk());
                progress.chunkCopied(task.chunk().table(), r.rows(), r.bytes());
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

    /** Rows per table of the given results. */
    public static Map<TableRef, Long> rowsByTable(List<ChunkResult> results) {
        Map<TableRef, Long> out = new java.util.TreeMap<>();
        results.forEach(r -> out.merge(r.chunk().table(), r.rows(), Long::sum));
        return out;
    }
}
