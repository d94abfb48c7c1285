package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: SQL Server's 7-digit key text, read by PostgreSQL, must name the value the copy wrote.
 * PostgreSQL rounds its input with rint() on a binary double (half to even, and …0000005 is below
 * half), the copy rounds half up exactly (as SQL Server does), so such key text matched no row;
 * {@link TemporalRounding#keyText} rounds it like the copy first.
 */
class TemporalKeyTextIT {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-01 10:00:00.0000005|timestamp(6)",
            "2024-01-01T10:00:00.0000025|timestamp(6)",
            "2024-06-30 12:00:00.0000045|timestamp(6)",
            "10:00:00.0000005|time(6)",
            "2024-01-01 10:00:00.0000005 +01:00|timestamptz(6)"})
    void postgresReadsTheKeyTextAsTheValueTheCopyWrote(String text, String type) throws Exception {
        String url = TestPostgres.newDatabase("keytext");
        try (Connection c = TestPostgres.connect(url);
             PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS " + type + ") = ?, CAST(? AS " + type + ") = ?")) {
            Object copied = copied(text, type);
            ps.setObject(1, text, java.sql.Types.OTHER);
            ps.setObject(2, copied);
            ps.setObject(3, TemporalRounding.keyText(text, type), java.sql.Types.OTHER);
            ps.setObject(4, copied);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("PostgreSQL's own reading of " + text + " is not what the copy wrote").isFalse();
                assertThat(rs.getBoolean(2)).as(TemporalRounding.keyText(text, type)).isTrue();
            }
        }
    }

    /** The value the copy writes for {@code text} (TemporalRounding, half up). */
    private static Object copied(String text, String type) {
        int digits = Integer.parseInt(type.replaceAll("\\D", ""));
        if (type.startsWith("time(")) {
            return TemporalRounding.round(LocalTime.parse(text), digits);
        }
        String iso = text.replaceFirst(" (?=\\d{2}:)", "T").replace(" ", "");
        return type.startsWith("timestamptz") ? TemporalRounding.round(OffsetDateTime.parse(iso), digits)
                : TemporalRounding.round(LocalDateTime.parse(iso), digits);
    }
}
