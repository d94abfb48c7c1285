package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import dev.ferry.engine.cutover.RoutingSwitch;
import dev.ferry.engine.cutover.WebhookRoutingSwitch;
import java.net.URI;

/** A start request's routing section as the switch that moves it, with the app's identity. */
public final class RoutingSwitches {
    static final String ARM = "https://management.azure.com";

    private RoutingSwitches() {
    }

    public static RoutingSwitch create(RoutingSpec spec, TokenCredential credential) {
        return switch (spec.kind()) {
            case RoutingSpec.WEBHOOK -> new WebhookRoutingSwitch(URI.create(spec.url()));
            case RoutingSpec.APP_SETTING -> new AppSettingRoutingSwitch(credential, ARM, null, spec.resourceId(), spec.setting());
            case RoutingSpec.APP_CONNECTION_STRING -> new AppConnectionStringRoutingSwitch(credential, ARM, null,
                    spec.resourceId(), spec.setting());
            case RoutingSpec.KEY_VAULT_SECRET -> new KeyVaultSecretRoutingSwitch(new SecretClientBuilder()
                    .vaultUrl(spec.vaultUrl()).credential(credential).buildClient(), spec.secret());
            case RoutingSpec.APP_CONFIGURATION -> new AppConfigurationRoutingSwitch(credential, null, spec.endpoint(),
                    spec.key(), spec.label());
            default -> throw new IllegalArgumentException("routing kind " + spec.kind());
        };
    }
}
