package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A long text read as a stream reaches the COPY stream as exactly its UTF-8, whatever falls on a read's boundary. */
class LongValuesTest {
    /**
     * Review of issue 15.5: each 64 K read was encoded on its own, so a surrogate pair split between
     * two reads (here an emoji every four characters) became two '?' — silently, since the length
     * written matched the bytes.
     */
    @Test
    void aSurrogatePairSplitBetweenTwoReadsStaysOneCharacter() throws Exception {
        String text = "abc\uD83D\uDE00".repeat(600_000); // 3.0 M chars, past the 1 M that is spilled
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        BinaryRowBuffer buffer = new BinaryRowBuffer(sent::write);

        LongValues.text(new StringReader(text), slice -> slice, buffer);
        sent.write(buffer.array(), 0, buffer.size());

        byte[] field = sent.toByteArray();
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        assertThat(ByteBuffer.wrap(field, 0, 4).getInt()).as("the field's length").isEqualTo(expected.length);
        byte[] value = Arrays.copyOfRange(field, 4, field.length);
        assertThat(value.length).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(value, expected)).as("first differing byte").isEqualTo(-1);
    }
}
