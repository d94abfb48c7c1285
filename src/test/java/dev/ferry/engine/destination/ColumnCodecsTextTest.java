package dev.ferry.engine.destination;

import static dev.ferry.engine.destination.CodecErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ValuePolicy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binary COPY encoders of text, varchar(n), char(n), jsonb, bytea and uuid: text as UTF-8,
 * lengths counted in characters (not UTF-16 units), U+0000 refused or replaced and counted as the
 * value policy says, bytes and uuids unchanged (issue 18.6).
 */
class ColumnCodecsTextTest {
    private static final String EMOJI = new String(Character.toChars(0x1F600));
    private static CopyFrame frame;

    @BeforeAll
    static void open() throws SQLException {
        frame = new CopyFrame();
    }

    @AfterAll
    static void close() throws SQLException {
        frame.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "citext", "name", "json", "xml", "varchar", "character varying(100)"})
    void textIsItsUtf8BytesAndEmptyIsNotNull(String type) throws SQLException {
        assertThat(frame.field(type, "'h\u00e9llo \u20ac " + EMOJI + "'")).isEqualTo(utf8("h\u00e9llo \u20ac " + EMOJI));
        assertThat(frame.field(type, "''")).isEmpty();
        assertThat(frame.field(type, "'  trailing  '")).isEqualTo(utf8("  trailing  "));
        assertThat(frame.field(type, "CAST(NULL AS VARCHAR)")).isNull();
    }

    @Test
    void jsonbIsVersionOneFollowedByTheText() throws SQLException {
        byte[] json = utf8("{\"a\":[1,\"\u00e9\"]}");
        byte[] expected = new byte[json.length + 1];
        expected[0] = 1;
        System.arraycopy(json, 0, expected, 1, json.length);
        assertThat(frame.field("jsonb", "'{\"a\":[1,\"\u00e9\"]}'")).isEqualTo(expected);
        assertThat(frame.field("jsonb", "CAST(NULL AS VARCHAR)")).isNull();
    }

    @Test
    void aLengthLimitCountsCharactersNotUtf16Units() throws SQLException {
        assertThat(frame.field("varchar(3)", "'ab" + EMOJI + "'")).isEqualTo(utf8("ab" + EMOJI));
        assertThat(frame.field("character varying(3)", "'abc'")).isEqualTo(utf8("abc"));
        assertRefused(() -> frame.field("varchar(3)", "'abcd'"), "the text has 4 characters; the column holds 3");
        assertRefused(() -> frame.field("varchar(1)", "'" + EMOJI + EMOJI + "'"), "the text has 2 characters; the column holds 1");
        assertRefused(() -> frame.field("varchar(3)", "'abc '"), "the text has 4 characters");
    }

    @Test
    void charOfNAcceptsExcessBlanksOnlyAndWritesTheValueAsItIs() throws SQLException {
        assertThat(frame.field("char(3)", "'ab'")).isEqualTo(utf8("ab"));
        assertThat(frame.field("character(3)", "'abc   '")).isEqualTo(utf8("abc   "));
        assertThat(frame.field("bpchar(2)", "'" + EMOJI + "x'")).isEqualTo(utf8(EMOJI + "x"));
        assertRefused(() -> frame.field("char(3)", "'abcd'"), "the text has 4 characters; the column holds 3");
        assertRefused(() -> frame.field("char(3)", "'abc  d'"), "the text has 6 characters; the column holds 3");
    }

    @Test
    void nulIsRefusedByDefaultNamingThePolicySetting() {
        assertRefused(() -> frame.field("text", "'a' || CHAR(0) || 'b'"), "U+0000 (NUL)");
        assertRefused(() -> frame.field("text", "'a' || CHAR(0) || 'b'"), "values.nulReplacement");
        assertThat(frame.counters().replaced()).isEmpty();
    }

    @Test
    void nulIsReplacedAsConfiguredAndEveryReplacedValueIsCounted() throws SQLException {
        ValuePolicy replace = new ValuePolicy("\ufffd");
        assertThat(frame.field("text", "'a' || CHAR(0) || 'b' || CHAR(0)", replace)).isEqualTo(utf8("a\ufffdb\ufffd"));
        assertThat(frame.counters().replaced()).isEqualTo(Map.of("Amount", 1L));
        assertThat(frame.field("varchar(2)", "'a' || CHAR(0) || 'b'", new ValuePolicy(""))).as("length checked after replacing")
                .isEqualTo(utf8("ab"));
        assertThat(frame.field("text", "'ab'", replace)).isEqualTo(utf8("ab"));
        assertThat(frame.counters().replaced()).as("a value without NUL is not counted").isEmpty();
        assertRefused(() -> frame.field("varchar(2)", "'a' || CHAR(0) || 'b'", new ValuePolicy("??")), "the text has 4 characters");
    }

    @Test
    void byteaIsTheBytesUnchanged() throws SQLException {
        assertThat(frame.field("bytea", "X'00FF7F80'")).isEqualTo(new byte[] {0, (byte) 0xFF, 0x7F, (byte) 0x80});
        assertThat(frame.field("bytea", "X''")).isEmpty();
        assertThat(frame.field("bytea", "CAST(NULL AS VARBINARY)")).isNull();
        Random random = new Random(186);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            assertThat(frame.field("bytea", "X'" + HexFormat.of().formatHex(bytes) + "'")).isEqualTo(bytes);
        }
    }

    @Test
    void aUuidIsItsSixteenBytesInTextOrder() throws SQLException {
        byte[] expected = HexFormat.of().parseHex("a0eebc999c0b4ef8bb6d6bb9bd380a11");
        assertThat(frame.field("uuid", "CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS UUID)")).isEqualTo(expected);
        assertThat(frame.field("uuid", "' A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11 '")).isEqualTo(expected);
        assertThat(frame.field("uuid", "CAST('ffffffff-ffff-ffff-ffff-ffffffffffff' AS UUID)")).isEqualTo(HexFormat.of().parseHex("ff".repeat(16)));
        assertThat(frame.field("uuid", "CAST('00000000-0000-0000-0000-000000000000' AS UUID)")).isEqualTo(new byte[16]);
        assertThat(frame.field("uuid", "CAST(NULL AS UUID)")).isNull();
    }

    /** Java's UUID.fromString pads short groups ('1-1-1-1-1'); PostgreSQL refuses such text and so must the copy. */
    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11a", ""})
    void textThatIsNotExactlyAUuidIsRefused(String text) {
        assertRefused(() -> frame.field("uuid", "'" + text + "'"), "'" + text + "' is not a uuid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"money", "time with time zone", "timetz(3)", "integer[]", "bit(8)", "interval", "point"})
    void aTypeWithoutAnEncoderIsUnsupportedNamingTheColumn(String type) {
        FerryException e = catchThrowableOfType(FerryException.class, () -> ColumnCodecs.forType(type, "sales.Orders.Amount"));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE);
        assertThat(e.getMessage()).contains("'sales.Orders.Amount'").contains("'" + type + "'");
    }
}
