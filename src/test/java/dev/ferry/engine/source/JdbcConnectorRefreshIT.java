package dev.ferry.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.support.TestPostgres;
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
            Thread.sleep(550);
            assertThat(fetched.get()).isGreaterThanOrEqualTo(4);
            assertThat(pool.getHikariConfigMXBean()).isNotNull();
            try (Connection c = connector.connections(pool).get()) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        int afterClose = fetched.get();
        Thread.sleep(300);
        assertThat(fetched.get()).as("refreshing stops with the pool").isLessThanOrEqualTo(afterClose + 1);
    }
}
