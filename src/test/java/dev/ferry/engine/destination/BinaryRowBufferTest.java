package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The binary COPY framing: header, rows of length-prefixed fields (-1 for NULL), trailer, big-endian throughout (issue 18.6). */
class BinaryRowBufferTest {
    @Test
    void aRowIsFramedAsPostgresReadsIt() {
        BinaryRowBuffer b = new BinaryRowBuffer();
        b.header();
        b.startRow(4);
        b.fieldInt64(Long.MIN_VALUE);
        b.writeNull();
        b.fieldText("é🍳");
        b.fieldInt16(-2);
        b.trailer();
        ByteBuffer r = ByteBuffer.wrap(Arrays.copyOf(b.array(), b.size()));
        byte[] header = new byte[19];
        r.get(header);
        assertThat(new String(header, 0, 11, StandardCharsets.ISO_8859_1)).isEqualTo("PGCOPY\n\u00ff\r\n\0");
        assertThat(r.getShort()).isEqualTo((short) 4);
        assertThat(r.getInt()).isEqualTo(8);
        assertThat(r.getLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(r.getInt()).as("NULL").isEqualTo(-1);
        byte[] text = "é🍳".getBytes(StandardCharsets.UTF_8);
        assertThat(r.getInt()).isEqualTo(text.length);
        byte[] got = new byte[text.length];
        r.get(got);
        assertThat(got).isEqualTo(text);
        assertThat(r.getInt()).isEqualTo(2);
        assertThat(r.getShort()).isEqualTo((short) -2);
        assertThat(r.getShort()).as("trailer").isEqualTo((short) -1);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void itAsksToBeFlushedOnceItHoldsAQuarterMegabyteAndStartsOverEmpty() {
        BinaryRowBuffer b = new BinaryRowBuffer();
        byte[] kilobyte = new byte[1024];
        int rows = 0;
        while (!b.shouldFlush()) {
            b.startRow(1);
            b.field(kilobyte);
            rows++;
        }
        assertThat(b.size()).isGreaterThanOrEqualTo(BinaryRowBuffer.FLUSH_BYTES).isLessThan(BinaryRowBuffer.FLUSH_BYTES + 1100);
        assertThat(rows).isEqualTo((BinaryRowBuffer.FLUSH_BYTES + 1029) / 1030);
        b.reset();
        assertThat(b.size()).isZero();
        assertThat(b.shouldFlush()).isFalse();
    }

    /** Text is encoded into the buffer without a byte array per value (issue 13): the same bytes as String.getBytes. */
    @Test
    void textIsEncodedAsStringGetBytesDoesForEveryKindOfChar() {
        java.util.Random random = new java.util.Random(13);
        String[] fixed = {"", "ascii", "é", "日本語", "🍳", "a🍳b", "\ud83c", "x\udf73y", "\udf73\ud83c", "end\ud83c", "\u0000\u07ff\u0800\uffff"};
        java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of(fixed));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
            }
            samples.add(s.toString());
        }
        samples.add("日本🍳\ud83c".repeat(12_800)); // 64 000 chars: the largest through the reused char array
        samples.add("🍳".repeat(200_000)); // longer: through its own bytes
        for (String s : samples) {
            BinaryRowBuffer b = new BinaryRowBuffer();
            b.fieldText(s);
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            ByteBuffer r = ByteBuffer.wrap(Arrays.copyOf(b.array(), b.size()));
            assertThat(r.getInt()).isEqualTo(expected.length);
            assertThat(Arrays.copyOfRange(b.array(), 4, b.size())).as("bytes of %s", s.length() > 20 ? "a long text" : s).isEqualTo(expected);
        }
    }
}
