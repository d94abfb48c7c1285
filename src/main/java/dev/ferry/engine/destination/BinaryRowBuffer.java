package dev.ferry.engine.destination;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds PostgreSQL's binary COPY format: a header, then per row a field count and per field a
 * length and bytes (length -1 for NULL), then a trailer. The buffer is drained to the COPY stream
 * whenever it passes {@link #FLUSH_BYTES}, so memory stays bounded whatever the table size.
 */
public final class BinaryRowBuffer {
    static final int FLUSH_BYTES = 256 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Out out = new Out(FLUSH_BYTES + 64 * 1024);
    private final Sink sink;
    private long streamed;

    /** Where a long field's bytes go without passing through the buffer: the COPY stream. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes, int offset, int length) throws java.sql.SQLException;
    }

    /** A buffer that holds every field, however long, until it is drained. */
    public BinaryRowBuffer() {
        this(null);
    }

    /** A buffer that writes a long field's bytes ({@link LongValues}) straight to {@code sink}, after what it holds. */
    public BinaryRowBuffer(Sink sink) {
        this.sink = sink;
    }

    /** Bytes written straight to the sink (never counted by {@link #size()}). */
    public long streamed() {
        return streamed;
    }

    /** Starts a field of {@code length} bytes that follow through {@link #longFieldPart}; what the buffer holds goes first. */
    void longField(int length) throws java.sql.SQLException {
        int32(length);
        if (sink != null && out.size() > 0) {
            sink.write(out.array(), 0, out.size());
            streamed += out.size();
            out.reset();
        }
    }

    void longFieldPart(byte[] bytes, int offset, int length) throws java.sql.SQLException {
        if (sink == null) {
            out.write(bytes, offset, length);
        } else {
            sink.write(bytes, offset, length);
            streamed += length;
        }
    }

    /** A ByteArrayOutputStream whose array can be handed to the COPY stream without copying. */
    static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    public void header() {
        out.write(HEADER, 0, HEADER.length);
    }

    public void trailer() {
        int16(-1);
    }

    public void startRow(int fields) {
        int16(fields);
    }

    void writeNull() {
        int32(-1);
    }

    void int16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    void int32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    void field(byte[] bytes) {
        int32(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    void fieldInt16(int v) {
        int32(2);
        int16(v);
    }

    void fieldInt32(int v) {
        int32(4);
        int32(v);
    }

    void fieldInt64(long v) {
        int32(8);
        int64(v);
    }

    void fieldText(String s) {
        field(s.getBytes(StandardCharsets.UTF_8));
    }

    void raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    public int size() {
        return out.size();
    }

    public boolean shouldFlush() {
        return out.size() >= FLUSH_BYTES;
    }

    public byte[] array() {
        return out.array();
    }

    public void reset() {
        out.reset();
    }
}
