package dev.ferry.engine.destination;

import java.io.InputStream;
import java.io.Reader;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The codecs of unbounded text and bytes for a driver that streams long values ({@link LongValues}). */
final class LongValueCodecs {
    private LongValueCodecs() {
    }

    static void textStream(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws SQLException {
        Reader in = rs.getCharacterStream(i);
        if (in == null) {
            out.writeNull();
            return;
        }
        boolean[] counted = {false};
        LongValues.text(in, slice -> {
            String s = withoutNul(slice, col, ctx, counted[0]);
            counted[0] |= s != slice;
            return s;
        }, out);
    }

    static void bytesStream(ResultSet rs, int i, String col, BinaryRowBuffer out, ValueContext ctx) throws SQLException {
        InputStream in = rs.getBinaryStream(i);
        if (in == null) {
            out.writeNull();
            return;
        }
        LongValues.bytes(in, out);
    }

    /** {@code v} with U+0000 replaced as the policy says (counted once per value), or refused naming the row. */
    static String withoutNul(String v, String col, ValueContext ctx) {
        return withoutNul(v, col, ctx, false);
    }

    private static String withoutNul(String v, String col, ValueContext ctx, boolean alreadyCounted) {
        if (v.indexOf('\u0000') < 0) {
            return v;
        }
        String replacement = ctx.policy().nulReplacement();
        if (replacement == null) {
            throw ctx.error(col, "the text contains U+0000 (NUL), which PostgreSQL cannot store; set "
                    + "values.nulReplacement in the config to replace it (replacements are counted)");
        }
        if (!alreadyCounted) {
            ctx.counters().replaced(col);
        }
        return v.replace("\u0000", replacement);
    }
}
