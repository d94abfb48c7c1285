package dev.ferry.engine.copy;

import dev.ferry.engine.destination.ValueCounters;
import dev.ferry.engine.destination.ValueContext;
import dev.ferry.engine.destination.ColumnCodec;
import dev.ferry.engine.destination.BinaryRowBuffer;
import dev.ferry.engine.destination.LongestValue;
import dev.ferry.engine.config.ValuePolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.journal.Journal;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.source.SourceDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Copies one chunk: streams its rows from the source with a forward-only cursor and writes them
 * with binary COPY, then marks the chunk done in the journal in the same target transaction.
 * Either the chunk's rows and its mark are both committed, or neither is.
 */
public final class ChunkCopier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceDialect dialect;
    private final Supplier<Connection> sourceConnections;
    private final Supplier<Connection> targetConnections;
    private final ValuePolicy policy;
    private final int fetchSize;
    private final UUID run;

    public ChunkCopier(SourceDialect dialect, Supplier<Connection> sourceConnections, Supplier<Connection> targetConnections,
                       ValuePolicy policy, int fetchSize, UUID run) {
        this.dialect = dialect;
        this.sourceConnections = sourceConnections;
        this.targetConnections = targetConnections;
        this.policy = policy;
        this.fetchSize = fetchSize;
        this.run = run;
    }

    public ChunkResult copy(TableCopySpec spec, ChunkRange chunk) {
        long started = System.nanoTime();
        try (Connection source = sourceConnections.get(); Connection target = targetConnections.get()) {
            target.setAutoCommit(true);
            Journal.attempt(target, run, chunk);
            target.setAutoCommit(false);
            try {
                Journal.Chunk journaled = Journal.lock(target, run, chunk);
                if (journaled.done()) {
                    target.commit();
                    return new ChunkResult(chunk, journaled.rows(), 0, 0, new ValueCounters());
                }
                ValueCounters counters = new ValueCounters();
                long[] rowsAndBytes = spec.passThrough()
                        ? passThrough(source, target, spec, chunk)
                        : rows(source, target, spec, chunk, counters);
                double seconds = (System.nanoTime() - started) / 1e9;
                Journal.done(target, run, chunk, rowsAndBytes[0], rowsAndBytes[1], seconds,
                        json(counters.replaced()), json(counters.rounded()));
                target.commit();
                return new ChunkResult(chunk, rowsAndBytes[0], rowsAndBytes[1], seconds, counters);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(target);
                throw e;
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to copy " + chunk, e);
        }
    }

    private long[] rows(Connection source, Connection target, TableCopySpec spec, ChunkRange chunk, ValueCounters counters)
            throws SQLException {
        dialect.prepareForStreaming(source);
        String sql = "SELECT " + spec.sourceSelectList() + " FROM " + dialect.qualified(spec.source().ref()) + " WHERE "
                + ChunkSql.predicate(dialect, spec.source(), chunk);
        try (PreparedStatement ps = source.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(fetchSize(source, spec, chunk));
            bindChunk(ps, chunk);
            return streamRows(ps, target, spec, spec.copyIn(), policy, counters);
        } finally {
            endReadTransaction(source);
        }
    }

    private void bindChunk(PreparedStatement ps, ChunkRange chunk) throws SQLException {
        List<Object> params = ChunkSql.parameters(chunk);
        for (int i = 0; i < params.size(); i++) {
            dialect.bindKey(ps, i + 1, params.get(i));
        }
    }

    /**
     * The copy's fetch size, lowered for a chunk whose longest value is long where the driver holds a
     * fetch whole (pgjdbc: a 100 MB bytea arrives as 200 MB of hex), so that a fetch stays within
     * {@link LongestValue#FETCH_BYTES}; down to one row.
     */
    private int fetchSize(Connection source, TableCopySpec spec, ChunkRange chunk) throws SQLException {
        String probe = spec.longestValueSql();
        if (probe == null) {
            return fetchSize;
        }
        try (PreparedStatement ps = source.prepareStatement(probe + " WHERE " + ChunkSql.predicate(dialect, spec.source(), chunk))) {
            bindChunk(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return LongestValue.fetchSize(rs.getLong(1), fetchSize);
            }
        }
    }

    /**
     * Runs {@code query} on the source and writes its rows with binary COPY ({@code copySql}),
     * converting every value by the spec's codecs; returns rows and bytes. This thread reads and
     * encodes while a writer thread sends the blocks already encoded ({@link BlockPipe}). Shared by
     * the chunk copy and the change sync, which stages changed rows the same way.
     */
    public static long[] streamRows(PreparedStatement query, Connection target, TableCopySpec spec, String copySql,
                                    ValuePolicy policy, ValueCounters counters) throws SQLException {
        List<ColumnCodec> codecs = spec.codecs();
        int n = codecs.size();
        ValueContext ctx = new ValueContext(spec.source().ref().toString(), spec.key(), spec.keyIndexes(), policy, counters);
        long rows = 0;
        CopyIn copy = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try (ResultSet rs = query.executeQuery(); BlockPipe pipe = new BlockPipe(copy, "ferry-copy-writer")) {
            // a long value's slices go through the pipe as well, after what the buffer held: one writer, one order
            BinaryRowBuffer buffer = new BinaryRowBuffer((b, off, len) -> pipe.send(java.util.Arrays.copyOfRange(b, off, off + len)));
            buffer.header();
            while (rs.next()) {
                ctx.row(rs);
                buffer.startRow(n);
                for (int i = 0; i < n; i++) {
                    copyValue(codecs.get(i), rs, i + 1, spec.columns().get(i).name(), buffer, ctx);
                }
                rows++;
                if (buffer.shouldFlush()) {
                    pipe.send(take(buffer));
                }
            }
            buffer.trailer();
            pipe.send(take(buffer));
            long bytes = pipe.finish();
            copy.endCopy();
            return new long[] {rows, bytes};
        } finally {
            // never leave the target connection in COPY state (the writer has let go of it by now); a failing
            // cancel must not hide the error that named the table, column and key
            cancelQuietly(copy);
        }
    }

    /** A value the driver cannot read (SQLSTATE class 22) is refused naming table, column and key; nothing else is caught. */
    private static void copyValue(ColumnCodec codec, ResultSet rs, int index, String column, BinaryRowBuffer buffer, ValueContext ctx)
            throws SQLException {
        try {
            codec.copy(rs, index, column, buffer, ctx);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                FerryException refused = ctx.error(column, e.getMessage());
                refused.initCause(e);
                throw refused;
            }
            throw e;
        }
    }

    private long[] passThrough(Connection source, Connection target, TableCopySpec spec, ChunkRange chunk) throws SQLException {
        dialect.prepareForStreaming(source);
        String out = "COPY (SELECT " + spec.sourceSelectList() + " FROM " + dialect.qualified(spec.source().ref()) + " WHERE "
                + ChunkSql.predicate(dialect, spec.key(), chunk, dialect::boundLiteral) + ") TO STDOUT (FORMAT binary)";
        CopyOut reader = null;
        CopyIn writer = null;
        try {
            reader = source.unwrap(PGConnection.class).getCopyAPI().copyOut(out);
            writer = target.unwrap(PGConnection.class).getCopyAPI().copyIn(spec.copyIn());
            long bytes;
            try (BlockPipe pipe = new BlockPipe(writer, "ferry-copy-writer")) {
                byte[] row;
                while ((row = reader.readFromCopy()) != null) {
                    pipe.append(row);
                }
                bytes = pipe.finish();
            }
            long rows = writer.endCopy();
            return new long[] {rows, bytes};
        } finally {
            cancelQuietly(writer);
            if (reader != null && reader.isActive()) {
                // cancelling a COPY TO STDOUT is an asynchronous signal that can land on the
                // connection's next statement (its ROLLBACK), leaving it pooled mid-transaction:
                // the connection is dropped instead, and the pool discards it (issue 12.3)
                abortQuietly(source);
            } else {
                endReadTransaction(source);
            }
        }
    }

    /** The buffer's bytes as a block of their own, the buffer emptied for the next rows. */
    private static byte[] take(BinaryRowBuffer buffer) {
        byte[] block = java.util.Arrays.copyOf(buffer.array(), buffer.size());
        buffer.reset();
        return block;
    }

    private static void cancelQuietly(CopyIn copy) {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is broken (its backend was terminated); the rollback through the pool discards it
        }
    }

    private static void abortQuietly(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException ignored) {
            // already closed
        }
    }

    /** A source connection never goes back to its pool inside its read transaction. */
    private static void endReadTransaction(Connection source) {
        try {
            if (!source.getAutoCommit()) {
                source.rollback();
            }
        } catch (SQLException e) {
            // still inside its transaction, or broken: dropped, so the pool discards it
            abortQuietly(source);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the transaction is gone with it
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
