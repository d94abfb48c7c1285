package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.cutover.RoutingSwitch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Routing in an Azure App Configuration key-value (data-plane REST, {@code /kv/{key}}), for
 * applications that read their database from App Configuration (with a refresh sentinel or on
 * restart). Each switch is a new revision of the key, so the store's history keeps the previous
 * value too. Needs the App Configuration Data Owner role.
 */
public final class AppConfigurationRoutingSwitch implements RoutingSwitch {
    static final String API_VERSION = "2023-11-01";
    static final String SCOPE = "https://azconfig.io/.default";
    static final String CONTENT_TYPE = "application/vnd.microsoft.appconfig.kv+json";

    private final AzureRest store;
    private final String url;
    private final String key;

    public AppConfigurationRoutingSwitch(TokenCredential credential, HttpClient http, String endpoint, String key, String label) {
        this.store = new AzureRest(credential, SCOPE, http);
        this.key = key;
        this.url = endpoint + "/kv/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20") + "?api-version="
                + API_VERSION + (label == null ? "" : "&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8));
    }

    @Override
    public String current() {
        JsonNode kv = store.send(HttpMethod.GET, url, CONTENT_TYPE, null, "read App Configuration key '" + key + "'", true);
        if (kv == null || !kv.has("value")) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read routing: App Configuration key '" + key + "' does not exist");
        }
        return kv.get("value").asText();
    }

    @Override
    public void switchTo(String value) {
        store.send(HttpMethod.PUT, url, CONTENT_TYPE, AzureRest.json().createObjectNode().put("value", value),
                "set App Configuration key '" + key + "'", false);
    }
}
