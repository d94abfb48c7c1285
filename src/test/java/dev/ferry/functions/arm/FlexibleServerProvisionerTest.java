package dev.ferry.functions.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ferry.engine.FerryException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Contract tests of the ARM calls against WireMock over HTTPS (azure-core refuses bearer tokens
 * over plain http): request bodies, 200/201/202 with long-running-operation polling, 409, 403.
 */
class FlexibleServerProvisionerTest {
    private static final String SERVER = "/subscriptions/sub-1/resourceGroups/rg-crm/providers/Microsoft.DBforPostgreSQL/flexibleServers/crm-pg";
    private static final String JSON = "application/json";

    private WireMockServer arm;
    private FlexibleServerProvisioner provisioner;
    private final ServerSpec spec = ServerSpec.defaults("rg-crm", "crm-pg", "westeurope", "tenant-1", "object-1", "ferry-app", "crm")
            .withFirewall("20.1.2.3", "20.1.2.9");

    @BeforeEach
    void start() throws Exception {
        arm = new WireMockServer(options().dynamicHttpsPort().dynamicPort());
        arm.start();
        String base = "https://localhost:" + arm.httpsPort();
        SslContext trustAll = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        var http = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .secure(ssl -> ssl.sslContext(trustAll))).build();
        TokenCredential credential = ctx -> Mono.just(new AccessToken("test-token", OffsetDateTime.now().plusHours(1)));
        AzureEnvironment env = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", base + "/", "activeDirectoryEndpointUrl", base + "/"));
        provisioner = FlexibleServerProvisioner.connect(credential, new AzureProfile("tenant-1", "sub-1", env), http, Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        arm.stop();
    }

    private static String error(String code, String message) {
        return "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}";
    }

    private static String server(String state) {
        return "{\"name\": \"crm-pg\", \"location\": \"westeurope\", \"properties\": {\"state\": \"" + state
                + "\", \"fullyQualifiedDomainName\": \"crm-pg.postgres.database.azure.com\", \"version\": \"16\"}}";
    }

    @Test
    void createsAMissingServerWithThePlansSettingsWithoutWaitingForIt() {
        arm.stubFor(get(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", JSON)
                .withBody(error("ResourceNotFound", "The Resource 'crm-pg' was not found."))));
        arm.stubFor(put(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(202).withHeader("Content-Type", JSON)
                .withHeader("Azure-AsyncOperation", arm.baseUrl().replace("http:", "https:").replace(":" + arm.port(), ":" + arm.httpsPort())
                        + "/operations/create-1")));
        FlexibleServerProvisioner.Progress p = provisioner.start(spec, () -> "Adm1n-Pa55");
        assertThat(p.ready()).isFalse();
        assertThat(p.state()).isEqualTo("Creating");
        arm.verify(putRequestedFor(urlPathEqualTo(SERVER))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withRequestBody(matchingJsonPath("$.location", equalTo("westeurope")))
                .withRequestBody(matchingJsonPath("$.sku.name", equalTo("Standard_B1ms")))
                .withRequestBody(matchingJsonPath("$.sku.tier", equalTo("Burstable")))
                .withRequestBody(matchingJsonPath("$.properties.version", equalTo("16")))
                .withRequestBody(matchingJsonPath("$.properties.storage.storageSizeGB", equalTo("32")))
                .withRequestBody(matchingJsonPath("$.properties.backup.backupRetentionDays", equalTo("7")))
                .withRequestBody(matchingJsonPath("$.properties.backup.geoRedundantBackup", equalTo("Disabled")))
                .withRequestBody(matchingJsonPath("$.properties.highAvailability.mode", equalTo("Disabled")))
                .withRequestBody(matchingJsonPath("$.properties.authConfig.activeDirectoryAuth", equalTo("Enabled")))
                .withRequestBody(matchingJsonPath("$.properties.administratorLogin", equalTo("ferryadmin"))));
    }

    @Test
    void reusesAServerThatExists() {
        arm.stubFor(get(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(server("Ready"))));
        FlexibleServerProvisioner.Progress p = provisioner.start(spec, () -> "unused");
        assertThat(p.ready()).isTrue();
        assertThat(p.fqdn()).isEqualTo("crm-pg.postgres.database.azure.com");
        arm.verify(0, putRequestedFor(urlPathEqualTo(SERVER)));
    }

    @Test
    void pollingReadsTheStateUntilReady() {
        arm.stubFor(get(urlPathEqualTo(SERVER)).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(server("Updating")))
                .willSetStateTo("ready"));
        arm.stubFor(get(urlPathEqualTo(SERVER)).inScenario("create").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(server("Ready"))));
        assertThat(provisioner.poll(spec).ready()).isFalse();
        assertThat(provisioner.poll(spec).ready()).isTrue();
    }

    @Test
    void configuresFirewallDatabaseExtensionsAndTheEntraAdministratorFollowingLongRunningOperations() {
        String https = "https://localhost:" + arm.httpsPort();
        arm.stubFor(put(urlPathEqualTo(SERVER + "/firewallRules/ferry-app")).willReturn(aResponse().withStatus(202)
                .withHeader("Azure-AsyncOperation", https + "/operations/fw-1").withHeader("Content-Type", JSON)));
        arm.stubFor(get(urlPathEqualTo("/operations/fw-1")).inScenario("fw").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"status\": \"InProgress\"}"))
                .willSetStateTo("done"));
        arm.stubFor(get(urlPathEqualTo("/operations/fw-1")).inScenario("fw").whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"status\": \"Succeeded\"}")));
        arm.stubFor(get(urlPathEqualTo(SERVER + "/firewallRules/ferry-app")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON).withBody("{\"name\": \"ferry-app\", \"properties\": {\"startIpAddress\": \"20.1.2.3\", "
                        + "\"endIpAddress\": \"20.1.2.9\"}}")));
        arm.stubFor(put(urlPathEqualTo(SERVER + "/databases/crm")).willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON)
                .withBody("{\"name\": \"crm\", \"properties\": {\"charset\": \"UTF8\", \"collation\": \"en_US.utf8\"}}")));
        arm.stubFor(put(urlPathEqualTo(SERVER + "/configurations/azure.extensions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON).withBody("{\"name\": \"azure.extensions\", \"properties\": {\"value\": \"CITEXT,PGCRYPTO\"}}")));
        arm.stubFor(put(urlPathEqualTo(SERVER + "/administrators/object-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON).withBody("{\"name\": \"object-1\", \"properties\": {\"principalType\": \"ServicePrincipal\", "
                        + "\"principalName\": \"ferry-app\", \"objectId\": \"object-1\", \"tenantId\": \"tenant-1\"}}")));
        provisioner.configure(spec);
        arm.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/operations/fw-1")));
        arm.verify(putRequestedFor(urlPathEqualTo(SERVER + "/firewallRules/ferry-app"))
                .withRequestBody(matchingJsonPath("$.properties.startIpAddress", equalTo("20.1.2.3")))
                .withRequestBody(matchingJsonPath("$.properties.endIpAddress", equalTo("20.1.2.9"))));
        arm.verify(putRequestedFor(urlPathEqualTo(SERVER + "/databases/crm"))
                .withRequestBody(matchingJsonPath("$.properties.charset", equalTo("UTF8"))));
        arm.verify(putRequestedFor(urlPathEqualTo(SERVER + "/configurations/azure.extensions"))
                .withRequestBody(matchingJsonPath("$.properties.value", equalTo("CITEXT,PGCRYPTO")))
                .withRequestBody(matchingJsonPath("$.properties.source", equalTo("user-override"))));
        arm.verify(putRequestedFor(urlPathEqualTo(SERVER + "/administrators/object-1"))
                .withRequestBody(matchingJsonPath("$.properties.principalType", equalTo("ServicePrincipal")))
                .withRequestBody(matchingJsonPath("$.properties.principalName", equalTo("ferry-app"))));
    }

    @Test
    void aConflictIsReportedWithArmsCode() {
        arm.stubFor(get(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", JSON)
                .withBody(error("ResourceNotFound", "not found"))));
        arm.stubFor(put(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(409).withHeader("Content-Type", JSON)
                .withBody(error("ServerNameAlreadyExists", "Specified server name is already used."))));
        assertThatThrownBy(() -> provisioner.start(spec, () -> "x")).isInstanceOf(FerryException.class)
                .hasMessageContaining("create server crm-pg").hasMessageContaining("ServerNameAlreadyExists");
    }

    @Test
    void aMissingPermissionIsReportedWithArmsCode() {
        arm.stubFor(get(urlPathMatching(SERVER + ".*")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", JSON)
                .withBody(error("AuthorizationFailed", "The client does not have authorization to perform action "
                        + "'Microsoft.DBforPostgreSQL/flexibleServers/read'."))));
        assertThatThrownBy(() -> provisioner.poll(spec)).isInstanceOf(FerryException.class)
                .hasMessageContaining("AuthorizationFailed").hasMessageContaining("flexibleServers/read")
                .hasMessageNotContaining("test-token");
    }
}
