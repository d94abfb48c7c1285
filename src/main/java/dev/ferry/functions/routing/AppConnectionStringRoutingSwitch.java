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
 * Routing in an App Service or Functions app's connection string (the portal's "Connection
 * strings"), through Azure Resource Manager: {@code POST …/config/connectionstrings/list}, then the
 * whole set written back with the one entry's value changed and its type kept
 * ({@code PUT …/config/connectionstrings}). Like an app setting, the change restarts the app.
 */
public final class AppConnectionStringRoutingSwitch implements RoutingSwitch {
    private final AzureRest arm;
    private final String base;
    private final String resourceId;
    private final String name;

    /** @param armEndpoint e.g. {@code https://management.azure.com} */
    public AppConnectionStringRoutingSwitch(TokenCredential credential, String armEndpoint, HttpClient http, String resourceId,
                                            String name) {
        this.arm = new AzureRest(credential, armEndpoint + "/.default", http);
        this.base = armEndpoint + resourceId + "/config/connectionstrings";
        this.resourceId = resourceId;
        this.name = name;
    }

    @Override
    public String current() {
        return entry(strings()).path("value").asText();
    }

    @Override
    public void switchTo(String value) {
        JsonNode current = strings();
        String type = entry(current).path("type").asText("Custom");
        ObjectNode body = AzureRest.json().createObjectNode();
        ObjectNode properties = body.putObject("properties");
        current.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
        properties.putObject(name).put("value", value).put("type", type);
        arm.send(HttpMethod.PUT, base + "?api-version=" + AppSettingRoutingSwitch.API_VERSION, "application/json", body,
                "set connection string '" + name + "' on " + resourceId, false);
    }

    private JsonNode entry(JsonNode strings) {
        JsonNode entry = strings.path("properties").get(name);
        if (entry == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read routing: connection string '" + name
                    + "' does not exist on " + resourceId);
        }
        return entry;
    }

    private JsonNode strings() {
        return arm.send(HttpMethod.POST, base + "/list?api-version=" + AppSettingRoutingSwitch.API_VERSION, "application/json", null,
                "read the connection strings of " + resourceId, false);
    }
}
