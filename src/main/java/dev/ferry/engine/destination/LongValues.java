package dev.ferry.engine.destination;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Writes unbounded text and bytes without a second copy of a long value. A value read whole (the
 * only way pgjdbc gives one) goes to the COPY stream in slices after its length; a value read as a
 * stream (mssql-jdbc with {@code responseBuffering=adaptive}, H2's LOBs) is held while it is
 * short, and beyond {@link #LONG} spilled to a temporary file to learn its length — binary COPY
 * puts the length first — then streamed from there. Memory per value stays at one slice.
 */
final class LongValues {
    /** Bytes (or characters) beyond which a value is written in slices rather than through the buffer. */
    static final int LONG = 1 << 20;
    private static final int SLICE = 64 * 1024;

    private LongValues() {
    }

    /** Writes text read whole: through the buffer when short, else its UTF-8 in slices. */
    static void text(String v, BinaryRowBuffer out) throws SQLException {
        if (v.length() <= LONG / 3) {
            out.fieldText(v);
            return;
        }
        out.longField(utf8Length(v));
        int from = 0;
        while (from < v.length()) {
            int to = Math.min(v.length(), from + SLICE);
            if (to < v.length() && Character.isHighSurrogate(v.charAt(to - 1))) {
                to--; // never split a surrogate pair between two slices
            }
            byte[] slice = v.substring(from, to).getBytes(StandardCharsets.UTF_8);
            out.longFieldPart(slice, 0, slice.length);
            from = to;
        }
    }

    /** Writes bytes read whole, past the buffer when long. */
    static void bytes(byte[] v, BinaryRowBuffer out) throws SQLException {
        if (v.length <= LONG) {
            out.field(v);
            return;
        }
        out.longField(v.length);
        // in slices: the sink copies what it keeps, and a whole copy would double the value
        for (int from = 0; from < v.length; from += SLICE) {
            out.longFieldPart(v, from, Math.min(SLICE, v.length - from));
        }
    }

    /** The slices of a text stream, each passed through {@code check} (which may replace characters) before it is encoded. */
    interface SliceCheck {
        String apply(String slice) throws SQLException;
    }

    /** Writes a character stream: a short value as {@link #text(String, BinaryRowBuffer)} writes it, a long one spilled and streamed. */
    static void text(Reader in, SliceCheck check, BinaryRowBuffer out) throws SQLException {
        try (in) {
            StringBuilder head = new StringBuilder();
            char[] buf = new char[SLICE];
            int n;
            while ((n = in.read(buf)) >= 0) {
                head.append(check.apply(new String(buf, 0, n)));
                if (head.length() > LONG) {
                    spill(out, file -> {
                        // one encoder across the reads: a surrogate pair split between two reads stays one
                        // character (encoded per read, each half became '?')
                        java.io.Writer utf8 = new java.io.OutputStreamWriter(file, StandardCharsets.UTF_8);
                        utf8.write(head.toString());
                        head.setLength(0);
                        int m;
                        while ((m = in.read(buf)) >= 0) {
                            utf8.write(check.apply(new String(buf, 0, m)));
                        }
                        utf8.flush();
                    });
                    return;
                }
            }
            text(head.toString(), out);
        } catch (IOException e) {
            throw new SQLException("Unable to read a text value: " + e.getMessage(), "58030", e);
        }
    }

    /** Writes a binary stream: a short value through the buffer, a long one spilled and streamed. */
    static void bytes(InputStream in, BinaryRowBuffer out) throws SQLException {
        try (in) {
            byte[] head = in.readNBytes(LONG + 1);
            if (head.length <= LONG) {
                out.field(head);
                return;
            }
            spill(out, file -> {
                file.write(head);
                in.transferTo(file);
            });
        } catch (IOException e) {
            throw new SQLException("Unable to read a binary value: " + e.getMessage(), "58030", e);
        }
    }

    private interface Filler {
        void fill(OutputStream file) throws IOException, SQLException;
    }

    /** Writes the value {@code filler} writes into a temporary file: its length, then its bytes in slices. */
    private static void spill(BinaryRowBuffer out, Filler filler) throws IOException, SQLException {
        Path file = Files.createTempFile("ferry-value-", ".bin");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), SLICE)) {
                filler.fill(o);
            }
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE) {
                throw new SQLException("a value of " + size + " bytes is larger than PostgreSQL can store (1 GB)", "54000");
            }
            out.longField((int) size);
            try (InputStream i = Files.newInputStream(file)) {
                byte[] slice = new byte[SLICE];
                int n;
                while ((n = i.readNBytes(slice, 0, slice.length)) > 0) {
                    out.longFieldPart(slice, 0, n);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The length of {@code v}'s UTF-8 encoding as {@code String.getBytes(UTF_8)} makes it (a lone surrogate as '?'). */
    static int utf8Length(String v) throws SQLException {
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        if (n > Integer.MAX_VALUE) {
            throw new SQLException("a text value of " + n + " bytes is larger than PostgreSQL can store (1 GB)", "54000");
        }
        return (int) n;
    }
}
