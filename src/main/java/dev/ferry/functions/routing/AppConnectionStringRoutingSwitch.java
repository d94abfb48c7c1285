package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import dev.ferry.engine.cutover.RoutingSwitch;

/**
 * Routing in an App Service or Functions app's connection string (the portal's "Connection
 * strings"), through Azure Resource Manager ({@link AppServiceConfig}: the strings are written
 * back whole with the one entry's value changed and its type kept). Like an app setting, the
 * change restarts the app.
 */
public final class AppConnectionStringRoutingSwitch implements RoutingSwitch {
    private final AppServiceConfig strings;
    private final String name;

    /** @param armEndpoint e.g. {@code https://management.azure.com} */
    public AppConnectionStringRoutingSwitch(TokenCredential credential, String armEndpoint, HttpClient http, String resourceId,
                                            String name) {
        this.strings = new AppServiceConfig(credential, armEndpoint, http, resourceId, "connectionstrings", "connection string");
        this.name = name;
    }

    @Override
    public String current() {
        return strings.entry(name).path("value").asText();
    }

    @Override
    public void switchTo(String value) {
        strings.update(name, current -> {
            if (current == null) {
                throw strings.missing(name); // its type cannot be guessed
            }
            return AzureRest.json().createObjectNode().put("value", value).put("type", current.path("type").asText("Custom"));
        });
    }
}
