package dev.ferry.engine.verify;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Adds one normalized value to its row's hash. A value up to {@link #STREAM_THRESHOLD} characters
 * goes in as it always has: a 1 byte, its length, its UTF-8 bytes. A longer value goes in as it is
 * read, slice by slice — a 2 byte, its UTF-8 bytes, then its length — so neither its UTF-8 bytes,
 * nor its hex text, nor a second copy is ever made; the row keeps a {@link LongValue} instead.
 * Both sides of a comparison cross the threshold at the same length, so equal values hash equally
 * whichever way each side's driver hands them over (a whole string or a stream).
 */
final class ValueHashing {
    static final HashFunction MURMUR = Hashing.murmur3_128();
    /** Normalized characters beyond which a value is hashed as a stream (1 Mi characters). */
    static final int STREAM_THRESHOLD = 1 << 20;
    /** Characters of a long value a row keeps, for the diff. */
    static final int PREFIX = 200;
    private static final int SLICE = 32 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private ValueHashing() {
    }

    /** Adds a value read whole; returns what the row keeps. */
    static Object text(Hasher row, String v) {
        if (v == null) {
            row.putByte((byte) 0);
            return null;
        }
        if (v.length() <= STREAM_THRESHOLD) {
            row.putByte((byte) 1).putInt(v.length()).putString(v, StandardCharsets.UTF_8);
            return v;
        }
        Slices l = new Slices(row, false);
        for (int from = 0; from < v.length(); from += SLICE) {
            l.append(v.subSequence(from, Math.min(v.length(), from + SLICE)));
        }
        return l.finish();
    }

    /** Adds a value read as a character stream, each slice normalized by {@code normalize}. */
    static Object text(Hasher row, Reader in, UnaryOperator<String> normalize) throws IOException {
        if (in == null) {
            row.putByte((byte) 0);
            return null;
        }
        try (in) {
            Slices l = new Slices(row, false);
            char[] buf = new char[SLICE];
            int n;
            while ((n = in.read(buf)) >= 0) {
                l.append(normalize.apply(new String(buf, 0, n)));
            }
            return l.finish();
        }
    }

    /** Adds bytes read whole, as their hex text. */
    static Object bytes(Hasher row, byte[] v) {
        if (v == null) {
            row.putByte((byte) 0);
            return null;
        }
        if (2L * v.length <= STREAM_THRESHOLD) {
            String hex = HEX.formatHex(v);
            row.putByte((byte) 1).putInt(hex.length()).putString(hex, StandardCharsets.UTF_8);
            return hex;
        }
        Slices l = new Slices(row, true);
        for (int from = 0; from < v.length; from += SLICE) {
            l.append(HEX.formatHex(v, from, Math.min(v.length, from + SLICE)));
        }
        return l.finish();
    }

    /** Adds bytes read as a stream, as their hex text. */
    static Object bytes(Hasher row, InputStream in) throws IOException {
        if (in == null) {
            row.putByte((byte) 0);
            return null;
        }
        try (in) {
            Slices l = new Slices(row, true);
            byte[] buf = new byte[SLICE];
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                l.append(HEX.formatHex(buf, 0, n));
            }
            return l.finish();
        }
    }

    /** Adds a value the row keeps as it is (never long). */
    static void put(Hasher row, String v) {
        text(row, v);
    }

    /**
     * One value arriving in slices: held until it passes the threshold (a short value then hashes
     * exactly as {@link #text(Hasher, String)} hashes it), streamed into the row's hash after.
     */
    private static final class Slices {
        private final Hasher row;
        private final boolean bytes;
        private StringBuilder head = new StringBuilder();
        private Hasher own;
        private String prefix;
        private long length;
        /** A high surrogate that ended a slice: encoded with its low half from the next slice. */
        private char pendingHigh;

        Slices(Hasher row, boolean bytes) {
            this.row = row;
            this.bytes = bytes;
        }

        void append(CharSequence s) {
            length += s.length();
            if (own == null) {
                head.append(s);
                if (head.length() > STREAM_THRESHOLD) {
                    row.putByte((byte) 2);
                    own = MURMUR.newHasher();
                    prefix = head.substring(0, PREFIX);
                    String held = head.toString();
                    head = null;
                    feed(held);
                }
                return;
            }
            feed(s);
        }

        private void feed(CharSequence s) {
            CharSequence slice = s;
            if (pendingHigh != 0) {
                slice = new StringBuilder(s.length() + 1).append(pendingHigh).append(s);
                pendingHigh = 0;
            }
            int end = slice.length();
            if (end > 0 && Character.isHighSurrogate(slice.charAt(end - 1))) {
                pendingHigh = slice.charAt(end - 1);
                end--;
            }
            CharSequence part = slice.subSequence(0, end);
            row.putString(part, StandardCharsets.UTF_8);
            own.putString(part, StandardCharsets.UTF_8);
        }

        Object finish() {
            if (own == null) {
                String v = head.toString();
                row.putByte((byte) 1).putInt(v.length()).putString(v, StandardCharsets.UTF_8);
                return v;
            }
            if (pendingHigh != 0) {
                String lone = String.valueOf(pendingHigh);
                row.putString(lone, StandardCharsets.UTF_8);
                own.putString(lone, StandardCharsets.UTF_8);
            }
            row.putLong(length);
            return new LongValue(prefix, length, bytes, own.putLong(length).hash().toString());
        }
    }
}
