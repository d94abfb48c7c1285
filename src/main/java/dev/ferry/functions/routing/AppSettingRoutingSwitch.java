package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.cutover.RoutingSwitch;

/**
 * Routing in an App Service or Functions app's application setting, through Azure Resource
 * Manager: reads the settings ({@code POST …/config/appsettings/list}) and writes them back whole
 * with the one setting changed ({@code PUT …/config/appsettings}, which replaces the set). Changing
 * a setting restarts the app, which is how it picks the new database up. Needs the Website
 * Contributor role (or equivalent) on the app.
 */
public final class AppSettingRoutingSwitch implements RoutingSwitch {
    static final String API_VERSION = "2023-12-01";

    private final AzureRest arm;
    private final String base;
    private final String resourceId;
    private final String setting;

    /** @param armEndpoint e.g. {@code https://management.azure.com} */
    public AppSettingRoutingSwitch(TokenCredential credential, String armEndpoint, HttpClient http, String resourceId, String setting) {
        this.arm = new AzureRest(credential, armEndpoint + "/.default", http);
        this.base = armEndpoint + resourceId + "/config/appsettings";
        this.resourceId = resourceId;
        this.setting = setting;
    }

    @Override
    public String current() {
        JsonNode value = settings().path("properties").get(setting);
        if (value == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read routing: app setting '" + setting + "' does not exist on "
                    + resourceId);
        }
        return value.asText();
    }

    @Override
    public void switchTo(String value) {
        JsonNode current = settings();
        ObjectNode body = AzureRest.json().createObjectNode();
        ObjectNode properties = body.putObject("properties");
        current.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
        properties.put(setting, value);
        arm.send(HttpMethod.PUT, base + "?api-version=" + API_VERSION, "application/json", body,
                "set app setting '" + setting + "' on " + resourceId, false);
    }

    private JsonNode settings() {
        return arm.send(HttpMethod.POST, base + "/list?api-version=" + API_VERSION, "application/json", null,
                "read the app settings of " + resourceId, false);
    }
}
