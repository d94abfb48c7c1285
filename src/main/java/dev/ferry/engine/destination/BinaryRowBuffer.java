package dev.ferry.engine.destination;


/**
 * Builds PostgreSQL's binary COPY format: a header, then per row a field count and per field a
 * length and bytes (length -1 for NULL), then a trailer. The buffer is drained to the COPY stream
 * whenever it passes {@link #FLUSH_BYTES}, so memory stays bounded whatever the table size.
 */
public final class BinaryRowBuffer {
    static final int FLUSH_BYTES = 256 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

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

    /**
     * A buffer that sends a long field's bytes ({@link LongValues}) to {@code sink} as they come,
     * after what it holds; the sink must copy what it keeps, since the buffer's array is reused.
     */
    public BinaryRowBuffer(Sink sink) {
        this.sink = sink;
    }

    /** Bytes sent straight to the sink (never counted by {@link #size()}). */
    public long streamed() {
        return streamed;
    }

    /** Starts a field of {@code length} bytes that follow through {@link #longFieldPart}; what the buffer holds goes first. */
    void longField(int length) throws java.sql.SQLException {
        int32(length);
        if (sink != null && pos > 0) {
            sink.write(buf, 0, pos);
            streamed += pos;
            pos = 0;
        }
    }

    void longFieldPart(byte[] bytes, int offset, int length) throws java.sql.SQLException {
        if (sink == null) {
            ensure(length);
            System.arraycopy(bytes, offset, buf, pos, length);
            pos += length;
        } else {
            sink.write(bytes, offset, length);
            streamed += length;
        }
    }

    /** Texts up to this length are encoded through a reused char array; longer ones through their own bytes. */
    private static final int MAX_SCRATCH_CHARS = 64 * 1024;

    private byte[] buf = new byte[FLUSH_BYTES + 64 * 1024];
    private int pos;
    private char[] chars = new char[256];

    /** Room for {@code n} more bytes; grows only for a row (or value) larger than the block. */
    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public void header() {
        raw(HEADER);
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
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void int32(int v) {
        ensure(4);
        putInt(pos, v);
        pos += 4;
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    void field(byte[] bytes) {
        int32(bytes.length);
        raw(bytes);
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

    /**
     * A text field encoded as UTF-8 straight into the buffer, with no byte array per value; the
     * same bytes as {@code s.getBytes(UTF_8)}, an unpaired surrogate included (written as '?').
     */
    void fieldText(String s) {
        int n = s.length();
        if (n > MAX_SCRATCH_CHARS) {
            // a large value: one array for it costs little beside its size, and keeps the scratch small
            field(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        // one bulk copy, then a loop over a plain array: cheaper than charAt per char
        s.getChars(0, n, chars, 0);
        ensure(4 + 3 * n);
        int start = pos + 4;
        int p = start;
        char[] cs = chars;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1]);
                p = pair ? codePoint(Character.toCodePoint(c, cs[++i]), p) : unpaired(p);
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        putInt(pos, p - start);
        pos = p;
    }

    /** A surrogate pair as 4 bytes (a pair takes 2 chars, so the 3 bytes a char reserved suffice). */
    private int codePoint(int cp, int p) {
        buf[p] = (byte) (0xF0 | (cp >> 18));
        buf[p + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[p + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[p + 3] = (byte) (0x80 | (cp & 0x3F));
        return p + 4;
    }

    /** An unpaired surrogate, as String.getBytes writes it. */
    private int unpaired(int p) {
        buf[p] = (byte) '?';
        return p + 1;
    }

    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    public int size() {
        return pos;
    }

    public boolean shouldFlush() {
        return pos >= FLUSH_BYTES;
    }

    public byte[] array() {
        return buf;
    }

    public void reset() {
        pos = 0;
    }
}
