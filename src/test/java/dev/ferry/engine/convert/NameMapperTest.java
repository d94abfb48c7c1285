package dev.ferry.engine.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.NameStyle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NameMapperTest {
    private final NameMapper keep = new NameMapper(NameStyle.KEEP);
    private final NameMapper snake = new NameMapper(NameStyle.SNAKE_CASE);

    @Test
    void keepsNamesExactlyByDefaultAsPrismaAndDrizzleAddressThem() {
        assertThat(keep.map("Account")).isEqualTo("Account");
        assertThat(keep.map("createdAt")).isEqualTo("createdAt");
        assertThat(keep.map("refresh_token")).isEqualTo("refresh_token");
    }

    @ParameterizedTest
    @CsvSource({"createdAt,created_at", "OrganizationUser,organization_user", "HTTPServerId,http_server_id",
            "refresh_token,refresh_token", "id,id", "Order Line,order_line", "address2Line,address2_line", "ID,id"})
    void foldsToSnakeCase(String source, String expected) {
        assertThat(snake.map(source)).isEqualTo(expected);
    }

    @Test
    void shortensNamesOverSixtyThreeBytesDeterministically() {
        String longName = "Organization_" + "VeryLongDescriptiveColumnNameThatKeepsGoing".repeat(2);
        String once = keep.map(longName);
        assertThat(once.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(keep.map(longName)).isEqualTo(once);
        assertThat(once).startsWith("Organization_VeryLong").matches(".*_[0-9a-f]{8}");
        assertThat(keep.map(longName + "X")).as("different names stay different").isNotEqualTo(once);
    }

    @Test
    void countsBytesNotCharactersAndNeverSplitsACharacter() {
        String name = "Überprüfung_" + "ä".repeat(40);
        String mapped = keep.map(name);
        assertThat(mapped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(new String(mapped.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(mapped);
        assertThat(keep.map("ä".repeat(31))).as("62 bytes fit").isEqualTo("ä".repeat(31));
    }
}
