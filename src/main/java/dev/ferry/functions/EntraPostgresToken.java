package dev.ferry.functions;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * An Entra ID access token for Azure Database for PostgreSQL, used as the JDBC password: fetched
 * through {@link TokenCredential} (DefaultAzureCredential: the app's managed identity in Azure),
 * cached, and fetched again five minutes before it expires.
 */
public final class EntraPostgresToken implements Supplier<String> {
    public static final String SCOPE = "https://ossrdbms-aad.database.windows.net/.default";
    /** How often pools take a fresh token for new connections (tokens live about an hour). */
    public static final Duration POOL_REFRESH = Duration.ofMinutes(20);
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final Clock clock;
    private AccessToken token;

    public EntraPostgresToken(TokenCredential credential, Clock clock) {
        this.credential = credential;
        this.clock = clock;
    }

    public static EntraPostgresToken defaultCredential() {
        return new EntraPostgresToken(new DefaultAzureCredentialBuilder().build(), Clock.systemUTC());
    }

    @Override
    public synchronized String get() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token == null || token.getExpiresAt().minus(EARLY).isBefore(now)) {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
        }
        return token.getToken();
    }
}
