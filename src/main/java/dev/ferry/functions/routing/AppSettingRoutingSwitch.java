package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ferry.engine.cutover.RoutingSwitch;

/**
 * Routing in an App Service or Functions app's application setting, through Azure Resource
 * Manager ({@link AppServiceConfig}: the settings are written back whole with the one setting
 * changed). Changing a setting restarts the app, which is how it picks the new database up. Needs
 * the Website Contributor role (or equivalent) on the app.
 */
public final class AppSettingRoutingSwitch implements RoutingSwitch {
    private final AppServiceConfig settings;
    private final String setting;

    /** @param armEndpoint e.g. {@code https://management.azure.com} */
    public AppSettingRoutingSwitch(TokenCredential credential, String armEndpoint, HttpClient http, String resourceId, String setting) {
        this.settings = new AppServiceConfig(credential, armEndpoint, http, resourceId, "appsettings", "app setting");
        this.setting = setting;
    }

    @Override
    public String current() {
        return settings.entry(setting).asText();
    }

    @Override
    public void switchTo(String value) {
        settings.update(setting, current -> TextNode.valueOf(value));
    }
}
