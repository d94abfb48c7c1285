package dev.ferry.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.support.TestPostgres;
import dev.ferry.support.Waits;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A pool whose password is a short-lived token takes a fresh one at the refresh interval, for its new connections. */
class JdbcConnectorRefreshIT {
    @Test
    void thePoolTakesAFreshPasswordAtEachRefresh() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        JdbcConnector connector = new JdbcConnector("target", TestPostgres.newDatabase("refresh"),
                () -> "token-" + fetched.incrementAndGet(), Duration.ofMillis(100));
        try (HikariDataSource pool = connector.pool(2)) {
            assertThat(fetched.get()).isEqualTo(1);
            Waits.until("three refreshes of the password", () -> fetched.get() >= 4);
            assertThat(pool.getHikariConfigMXBean()).isNotNull();
            try (Connection c = connector.connections(pool).get()) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        int afterClose = fetched.get();
        Waits.until("the refresh thread to end with the pool", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("ferry-target-credential-refresh") && t.isAlive()));
        assertThat(fetched.get()).as("at most a refresh in flight at the close").isLessThanOrEqualTo(afterClose + 1);
    }
}
