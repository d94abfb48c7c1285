package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.util.function.UnaryOperator;

/**
 * One configuration section of an App Service or Functions app through Azure Resource Manager
 * ({@code appsettings} or {@code connectionstrings}): read with {@code POST …/config/<section>/list},
 * written back whole with one entry changed ({@code PUT …/config/<section>} replaces the set).
 */
final class AppServiceConfig {
    static final String API_VERSION = "2023-12-01";

    private final AzureRest arm;
    private final String base;
    private final String resourceId;
    private final String what;

    /**
     * @param armEndpoint e.g. {@code https://management.azure.com}
     * @param what        how an entry is named in messages, e.g. "app setting"
     */
    AppServiceConfig(TokenCredential credential, String armEndpoint, HttpClient http, String resourceId, String section, String what) {
        this.arm = new AzureRest(credential, armEndpoint + "/.default", http);
        this.base = armEndpoint + resourceId + "/config/" + section;
        this.resourceId = resourceId;
        this.what = what;
    }

    /** The entry {@code name}; a missing one is refused naming it and the app. */
    JsonNode entry(String name) {
        return entry(read(), name);
    }

    /**
     * Writes the section back with entry {@code name} set to what {@code change} makes of the
     * current one (null when there is none yet).
     */
    void update(String name, UnaryOperator<JsonNode> change) {
        JsonNode current = read();
        ObjectNode body = AzureRest.json().createObjectNode();
        ObjectNode properties = body.putObject("properties");
        current.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
        properties.set(name, change.apply(current.path("properties").get(name)));
        arm.send(HttpMethod.PUT, base + "?api-version=" + API_VERSION, "application/json", body,
                "set " + what + " '" + name + "' on " + resourceId, false);
    }

    private JsonNode entry(JsonNode section, String name) {
        JsonNode entry = section.path("properties").get(name);
        if (entry == null) {
            throw missing(name);
        }
        return entry;
    }

    /** The refusal of a missing entry, naming it and the app. */
    FerryException missing(String name) {
        return new FerryException(ErrorCode.CONFIGURATION, "Unable to read routing: " + what + " '" + name + "' does not exist on "
                + resourceId);
    }

    private JsonNode read() {
        return arm.send(HttpMethod.POST, base + "/list?api-version=" + API_VERSION, "application/json", null,
                "read the " + what + "s of " + resourceId, false);
    }
}
