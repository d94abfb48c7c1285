package dev.ferry.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hasher;
import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A value hashes the same whichever way its driver hands it over; short values as they always have (issue 15.5). */
class ValueHashingTest {
    private static String hash(Consumer<Hasher> feed) {
        Hasher h = ValueHashing.MURMUR.newHasher();
        feed.accept(h);
        return h.hash().toString();
    }

    /** The row hash's value encoding before issue 15: a 1 byte, the length in chars, the UTF-8 bytes. */
    private static String legacy(String v) {
        return hash(h -> h.putByte((byte) 1).putInt(v.length()).putString(v, StandardCharsets.UTF_8));
    }

    /** A reader that hands over at most 7 characters per read, so slices end inside surrogate pairs. */
    private static Reader trickle(String v) {
        return new FilterReader(new StringReader(v)) {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void shortValuesHashAsBeforeWhetherReadWholeOrStreamed() {
        String v = "grüße \uD83D\uDE00 " + "x".repeat(5_000);
        assertThat(hash(h -> ValueHashing.text(h, v))).isEqualTo(legacy(v));
        assertThat(hash(h -> stream(h, v))).isEqualTo(legacy(v));
        byte[] b = {0, 1, (byte) 0xFE, (byte) 0xFF};
        assertThat(hash(h -> ValueHashing.bytes(h, b))).isEqualTo(legacy("0001feff"));
        assertThat(hash(h -> streamBytes(h, b))).isEqualTo(legacy("0001feff"));
    }

    @Test
    void aLongValueHashesTheSameReadWholeOrStreamedAndKeepsOnlyItsPrefix() {
        String v = "\uD83D\uDE00ab".repeat(ValueHashing.STREAM_THRESHOLD / 3);
        Object[] kept = new Object[2];
        String whole = hash(h -> kept[0] = ValueHashing.text(h, v));
        String streamed = hash(h -> kept[1] = stream(h, v));
        assertThat(streamed).isEqualTo(whole).isNotEqualTo(legacy(v));
        assertThat(kept[0]).isEqualTo(kept[1]).isInstanceOf(LongValue.class);
        LongValue l = (LongValue) kept[0];
        assertThat(l.length()).isEqualTo(v.length());
        assertThat(l.prefix()).isEqualTo(v.substring(0, ValueHashing.PREFIX));
        assertThat(ValueNormalizer.display(l)).endsWith("… (" + v.length() + " characters)");

        String last = v.substring(0, v.length() - 1) + "c";
        Object[] other = new Object[1];
        assertThat(hash(h -> other[0] = stream(h, last))).isNotEqualTo(whole);
        assertThat(other[0]).as("the kept value says the column differs").isNotEqualTo(kept[0]);
    }

    @Test
    void longBytesHashTheSameReadWholeOrStreamed() {
        byte[] b = new byte[ValueHashing.STREAM_THRESHOLD];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        Object[] kept = new Object[2];
        assertThat(hash(h -> kept[0] = ValueHashing.bytes(h, b))).isEqualTo(hash(h -> kept[1] = streamBytes(h, b)));
        assertThat(kept[0]).isEqualTo(kept[1]);
        assertThat(((LongValue) kept[0]).display()).startsWith(HexFormat.of().formatHex(b, 0, 100)).endsWith("(" + b.length + " bytes)");
    }

    private static Object stream(Hasher h, String v) {
        try {
            return ValueHashing.text(h, trickle(v), s -> s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object streamBytes(Hasher h, byte[] b) {
        try {
            return ValueHashing.bytes(h, new ByteArrayInputStream(b));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
