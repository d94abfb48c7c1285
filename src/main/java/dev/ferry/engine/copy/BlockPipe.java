package dev.ferry.engine.copy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyIn;

/**
 * Overlaps reading and writing inside a chunk: the thread that reads the source hands blocks of
 * COPY data to a writer thread that sends them to the target's {@code COPY … FROM STDIN}, at most
 * {@link #CAPACITY} blocks waiting, so memory stays bounded and neither side waits for the other's
 * round trips. The target connection is used by the writer alone until {@link #finish} or
 * {@link #close} returns; the caller ends (or cancels) the COPY afterwards, on its own thread.
 */
final class BlockPipe implements AutoCloseable {
    /** Blocks that may wait between the reader and the writer. */
    static final int CAPACITY = 3;
    private static final byte[] END = new byte[0];
    private static final long POLL_MILLIS = 100;
    /** Size of the blocks {@link #append} gathers small pieces into. */
    static final int BLOCK_BYTES = 256 * 1024;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final FutureTask<Long> writer;
    private boolean finished;
    private byte[] staged;
    private int stagedLength;

    BlockPipe(CopyIn copy, String name) {
        writer = new FutureTask<>(() -> drain(copy));
        Thread t = new Thread(writer, name);
        t.setDaemon(true);
        t.start();
    }

    private long drain(CopyIn copy) throws SQLException, InterruptedException {
        long bytes = 0;
        for (byte[] block = queue.take(); block != END; block = queue.take()) {
            copy.writeToCopy(block, 0, block.length);
            bytes += block.length;
        }
        return bytes;
    }

    /** Queues {@code block} for the writer (which keeps it); fails with the writer's own error once it has stopped. */
    void send(byte[] block) throws SQLException {
        try {
            while (!queue.offer(block, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (writer.isDone()) {
                    written();
                    throw new IllegalStateException("the COPY writer stopped before the end of the data");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.COPY, "Copy interrupted", e);
        }
    }

    /**
     * Gathers {@code piece} (a row as PostgreSQL's COPY TO sends them, one message each) into
     * blocks of {@link #BLOCK_BYTES}, so the writer makes one call per block rather than per row.
     */
    void append(byte[] piece) throws SQLException {
        if (staged != null && stagedLength + piece.length > BLOCK_BYTES) {
            sendStaged();
        }
        if (piece.length >= BLOCK_BYTES) {
            send(piece);
            return;
        }
        if (staged == null) {
            staged = new byte[BLOCK_BYTES];
        }
        System.arraycopy(piece, 0, staged, stagedLength, piece.length);
        stagedLength += piece.length;
    }

    private void sendStaged() throws SQLException {
        if (stagedLength > 0) {
            send(java.util.Arrays.copyOf(staged, stagedLength));
            stagedLength = 0;
        }
    }

    /** Waits until every queued block is written; the bytes written, or the writer's error. */
    long finish() throws SQLException {
        sendStaged();
        send(END);
        finished = true;
        return written();
    }

    private long written() throws SQLException {
        try {
            return writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.COPY, "Copy interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw cause instanceof RuntimeException r ? r : new FerryException(ErrorCode.COPY, "Unable to write COPY data: " + cause, cause);
        }
    }

    /** Abandons what is still queued and waits for the writer to let go of the target connection. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        queue.clear();
        // only this thread adds blocks, so after the clear the end marker always fits
        queue.offer(END);
        try {
            writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the failure that made the caller abandon the copy is the one it reports
        }
    }
}
