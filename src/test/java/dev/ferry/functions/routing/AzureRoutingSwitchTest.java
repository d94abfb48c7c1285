package dev.ferry.functions.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ferry.engine.FerryException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Contract tests of the Azure routing switches against WireMock over HTTPS: the requests each
 * switch sends (paths, API versions, bearer token, bodies that keep every other setting), what it
 * reads back, and errors that name the setting and status without echoing any value.
 */
class AzureRoutingSwitchTest {
    private static final String SITE = "/subscriptions/sub-1/resourceGroups/rg-crm/providers/Microsoft.Web/sites/crm-web";
    private static final String JSON = "application/json";
    private static final String OLD = "postgresql://old-host/crm?password=s3cret-old";

    private WireMockServer azure;
    private String base;
    private HttpClient http;
    private final TokenCredential credential = ctx -> Mono.just(new AccessToken("test-token", OffsetDateTime.now().plusHours(1)));

    @BeforeEach
    void start() throws Exception {
        azure = new WireMockServer(options().dynamicHttpsPort().dynamicPort());
        azure.start();
        base = "https://localhost:" + azure.httpsPort();
        SslContext trustAll = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        http = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create().secure(ssl -> ssl.sslContext(trustAll))).build();
    }

    @AfterEach
    void stop() {
        azure.stop();
    }

    @Test
    void anAppSettingSwitchRewritesTheSettingsWithOnlyThatOneChanged() {
        azure.stubFor(post(urlPathEqualTo(SITE + "/config/appsettings/list")).withQueryParam("api-version", equalTo("2023-12-01"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"properties\": {\"DATABASE_URL\": \"" + OLD
                        + "\", \"NEXTAUTH_URL\": \"https://crm.example\"}}")));
        azure.stubFor(put(urlPathEqualTo(SITE + "/config/appsettings")).willReturn(aResponse().withHeader("Content-Type", JSON)
                .withBody("{\"properties\": {}}")));
        AppSettingRoutingSwitch routing = new AppSettingRoutingSwitch(credential, base, http, SITE, "DATABASE_URL");
        assertThat(routing.current()).isEqualTo(OLD);
        routing.switchTo("postgresql://new-host/crm");
        azure.verify(putRequestedFor(urlPathEqualTo(SITE + "/config/appsettings")).withQueryParam("api-version", equalTo("2023-12-01"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withRequestBody(equalToJson("{\"properties\": {\"DATABASE_URL\": \"postgresql://new-host/crm\", "
                        + "\"NEXTAUTH_URL\": \"https://crm.example\"}}")));
    }

    @Test
    void aMissingAppSettingOrARefusedWriteIsNamedWithoutItsValue() {
        azure.stubFor(post(urlPathEqualTo(SITE + "/config/appsettings/list")).willReturn(aResponse().withHeader("Content-Type", JSON)
                .withBody("{\"properties\": {\"OTHER\": \"" + OLD + "\"}}")));
        azure.stubFor(put(urlPathEqualTo(SITE + "/config/appsettings")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", JSON).withBody("{\"error\": {\"code\": \"AuthorizationFailed\", \"message\": \"no\"}}")));
        AppSettingRoutingSwitch routing = new AppSettingRoutingSwitch(credential, base, http, SITE, "DATABASE_URL");
        assertThatThrownBy(routing::current).isInstanceOf(FerryException.class).hasMessageContaining("'DATABASE_URL'")
                .hasMessageContaining("crm-web");
        assertThatThrownBy(() -> routing.switchTo("postgresql://new-host/crm")).isInstanceOf(FerryException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("AuthorizationFailed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("new-host"));
    }

    @Test
    void anAppConnectionStringSwitchKeepsItsTypeAndTheOtherStrings() {
        azure.stubFor(post(urlPathEqualTo(SITE + "/config/connectionstrings/list")).withQueryParam("api-version", equalTo("2023-12-01"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"properties\": {\"crm\": {\"value\": \"" + OLD
                        + "\", \"type\": \"SQLAzure\"}, \"cache\": {\"value\": \"redis://x\", \"type\": \"Custom\"}}}")));
        azure.stubFor(put(urlPathEqualTo(SITE + "/config/connectionstrings")).willReturn(aResponse().withHeader("Content-Type", JSON)
                .withBody("{\"properties\": {}}")));
        AppConnectionStringRoutingSwitch routing = new AppConnectionStringRoutingSwitch(credential, base, http, SITE, "crm");
        assertThat(routing.current()).isEqualTo(OLD);
        routing.switchTo("postgresql://new-host/crm");
        azure.verify(putRequestedFor(urlPathEqualTo(SITE + "/config/connectionstrings"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withRequestBody(equalToJson("{\"properties\": {\"crm\": {\"value\": \"postgresql://new-host/crm\", \"type\": "
                        + "\"SQLAzure\"}, \"cache\": {\"value\": \"redis://x\", \"type\": \"Custom\"}}}")));
        assertThatThrownBy(() -> new AppConnectionStringRoutingSwitch(credential, base, http, SITE, "missing").current())
                .isInstanceOf(FerryException.class).hasMessageContaining("'missing'");
    }

    @Test
    void anAppConfigurationSwitchReadsAndWritesTheKeyWithItsLabel() {
        azure.stubFor(get(urlPathEqualTo("/kv/crm%3Adatabase-url")).withQueryParam("label", equalTo("prod"))
                .withQueryParam("api-version", equalTo("2023-11-01")).withHeader("Authorization", equalTo("Bearer test-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.microsoft.appconfig.kv+json")
                        .withBody("{\"key\": \"crm:database-url\", \"label\": \"prod\", \"value\": \"" + OLD + "\"}")));
        azure.stubFor(put(urlPathEqualTo("/kv/crm%3Adatabase-url")).willReturn(aResponse()
                .withHeader("Content-Type", "application/vnd.microsoft.appconfig.kv+json").withBody("{\"value\": \"x\"}")));
        AppConfigurationRoutingSwitch routing = new AppConfigurationRoutingSwitch(credential, http, base, "crm:database-url", "prod");
        assertThat(routing.current()).isEqualTo(OLD);
        routing.switchTo("postgresql://new-host/crm");
        azure.verify(putRequestedFor(urlPathEqualTo("/kv/crm%3Adatabase-url")).withQueryParam("label", equalTo("prod"))
                .withHeader("Content-Type", equalTo("application/vnd.microsoft.appconfig.kv+json"))
                .withRequestBody(matchingJsonPath("$.value", equalTo("postgresql://new-host/crm"))));
    }

    @Test
    void aMissingAppConfigurationKeyIsNamed() {
        azure.stubFor(get(urlPathEqualTo("/kv/crm%3Adatabase-url")).willReturn(aResponse().withStatus(404)));
        AppConfigurationRoutingSwitch routing = new AppConfigurationRoutingSwitch(credential, http, base, "crm:database-url", null);
        assertThatThrownBy(routing::current).isInstanceOf(FerryException.class).hasMessageContaining("'crm:database-url'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aKeyVaultSwitchAddsANewSecretVersion() {
        String challenge = "Bearer authorization=\"https://login.microsoftonline.com/tenant-1\", resource=\"https://vault.azure.net\"";
        azure.stubFor(get(urlPathEqualTo("/secrets/crm-database-url/")).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge)));
        azure.stubFor(get(urlPathEqualTo("/secrets/crm-database-url/")).withHeader("Authorization", equalTo("Bearer test-token"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"value\": \"" + OLD + "\", \"id\": \"" + base
                        + "/secrets/crm-database-url/v1\", \"attributes\": {\"enabled\": true}}")));
        azure.stubFor(put(urlPathEqualTo("/secrets/crm-database-url")).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge)));
        azure.stubFor(put(urlPathEqualTo("/secrets/crm-database-url")).withHeader("Authorization", equalTo("Bearer test-token"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"value\": \"postgresql://new-host/crm\", \"id\": \""
                        + base + "/secrets/crm-database-url/v2\", \"attributes\": {\"enabled\": true}}")));
        KeyVaultSecretRoutingSwitch routing = new KeyVaultSecretRoutingSwitch(new SecretClientBuilder().vaultUrl(base)
                .credential(credential).httpClient(http).disableChallengeResourceVerification().buildClient(), "crm-database-url");
        assertThat(routing.current()).isEqualTo(OLD);
        routing.switchTo("postgresql://new-host/crm");
        azure.verify(putRequestedFor(urlPathEqualTo("/secrets/crm-database-url")).withHeader("Authorization", equalTo("Bearer test-token"))
                .withRequestBody(matchingJsonPath("$.value", equalTo("postgresql://new-host/crm"))));
    }
}
