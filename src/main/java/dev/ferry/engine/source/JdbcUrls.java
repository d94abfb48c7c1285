package dev.ferry.engine.source;

import java.util.regex.Pattern;

/** Keeps credentials out of anything a person or a log sees. */
public final class JdbcUrls {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:password|pwd|accessToken|clientSecret|keyStoreSecret|trustStorePassword|sslpassword)\\s*=)[^;&]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/:@;?]*):[^@/;?]*@");

    private JdbcUrls() {
    }

    /** The URL with every password-like property value and any user:password@ secret replaced by ***. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String out = SECRET.matcher(url).replaceAll("$1***");
        return USERINFO.matcher(out).replaceAll("$1:***@");
    }
}
