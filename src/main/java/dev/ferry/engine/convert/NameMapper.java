package dev.ferry.engine.convert;

import dev.ferry.engine.config.NameStyle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a source identifier into a PostgreSQL one: kept exactly or folded to snake_case, then
 * shortened deterministically when longer than PostgreSQL's 63 bytes (a prefix plus 8 hex digits
 * of the name's SHA-256, so the same name always gets the same result).
 */
public final class NameMapper {
    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;
    private static final int HASH_CHARS = 8;

    private final NameStyle style;

    public NameMapper(NameStyle style) {
        this.style = style;
    }

    public String map(String sourceName) {
        String styled = style == NameStyle.SNAKE_CASE ? snakeCase(sourceName) : sourceName;
        return shorten(styled);
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == '-' || c == '.') {
                c = '_';
            }
            if (Character.isUpperCase(c) && i > 0) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                        out.append('_');
                    }
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static String shorten(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, HASH_CHARS);
        int budget = MAX_BYTES - HASH_CHARS - 1;
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            prefix.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return prefix + "_" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
