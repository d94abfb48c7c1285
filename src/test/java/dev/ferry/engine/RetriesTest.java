package dev.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one retry decision, from the cause chain (issue 18.6). */
class RetriesTest {
    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "08P01", "40001", "40P01", "57P01", "57P02", "57P03", "53300"})
    void lostConnectionsTerminatedBackendsDeadlocksAndFullServersAreRetried(String state) {
        assertThat(Retries.isRetriable(new SQLException("x", state))).isTrue();
        assertThat(Retries.isRetriable(new RuntimeException("wrapped", new SQLException("x", state)))).as("found in the cause chain").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22003", "23505", "42P01", "22P02", "25001", "57014"})
    void dataErrorsMissingObjectsAndCancelsAreNot(String state) {
        assertThat(Retries.isRetriable(new SQLException("x", state))).isFalse();
    }

    @Test
    void ioErrorsAreRetriedAndAFerryErrorThatIsNotRetriableWins() {
        assertThat(Retries.isRetriable(new IOException("reset"))).isTrue();
        assertThat(Retries.isRetriable(new SQLException("no state"))).isFalse();
        assertThat(Retries.isRetriable(new FerryException(ErrorCode.DATA, "bad value", new SQLException("x", "08006"))))
                .as("a data error around a lost connection is still a data error").isFalse();
        assertThat(Retries.isRetriable(new FerryException(ErrorCode.COPY, "copy", new SQLException("x", "08006")))).isTrue();
    }

    @Test
    void backoffDoublesFromAQuarterSecondAndStopsAtTenSeconds() {
        assertThat(Retries.backoffMillis(1)).isEqualTo(250);
        assertThat(Retries.backoffMillis(2)).isEqualTo(500);
        assertThat(Retries.backoffMillis(3)).isEqualTo(1_000);
        assertThat(Retries.backoffMillis(7)).isEqualTo(10_000);
        for (int attempt = 1; attempt < 200; attempt++) {
            assertThat(Retries.backoffMillis(attempt + 1)).isGreaterThanOrEqualTo(Retries.backoffMillis(attempt)).isLessThanOrEqualTo(10_000);
        }
    }
}
