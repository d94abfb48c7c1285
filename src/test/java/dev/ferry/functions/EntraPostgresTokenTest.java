package dev.ferry.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The PostgreSQL Entra ID token: the right scope, cached, renewed before it expires. */
class EntraPostgresTokenTest {
    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-24T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void asksForTheOssrdbmsScopeCachesAndRenewsFiveMinutesEarly() {
        MovingClock clock = new MovingClock();
        List<List<String>> scopes = new ArrayList<>();
        TokenCredential credential = ctx -> {
            scopes.add(ctx.getScopes());
            return Mono.just(new AccessToken("token-" + scopes.size(), OffsetDateTime.ofInstant(clock.now, ZoneOffset.UTC).plusHours(1)));
        };
        EntraPostgresToken token = new EntraPostgresToken(credential, clock);
        assertThat(token.get()).isEqualTo("token-1");
        assertThat(scopes).containsExactly(List.of("https://ossrdbms-aad.database.windows.net/.default"));
        clock.now = clock.now.plus(Duration.ofMinutes(50));
        assertThat(token.get()).as("still valid for 10 minutes").isEqualTo("token-1");
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(token.get()).as("within 5 minutes of expiry").isEqualTo("token-2");
        assertThat(scopes).hasSize(2);
    }
}
