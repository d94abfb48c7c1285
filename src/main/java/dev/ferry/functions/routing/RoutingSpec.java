package dev.ferry.functions.routing;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;

/**
 * Where the application's database routing lives. {@code kind} is one of {@code webhook}
 * ({@code url}), {@code app-setting} (an App Service or Functions app's {@code resourceId} and
 * {@code setting}), {@code app-connection-string} (the same, {@code setting} naming the
 * connection string), {@code key-vault-secret} ({@code vaultUrl}, {@code secret}) or
 * {@code app-configuration} ({@code endpoint}, {@code key}, optional {@code label}).
 */
public record RoutingSpec(String kind, String url, String resourceId, String setting, String vaultUrl, String secret,
                          String endpoint, String key, String label) {
    public static final String WEBHOOK = "webhook";
    public static final String APP_SETTING = "app-setting";
    public static final String APP_CONNECTION_STRING = "app-connection-string";
    public static final String KEY_VAULT_SECRET = "key-vault-secret";
    public static final String APP_CONFIGURATION = "app-configuration";

    public void validate() {
        if (kind == null) {
            throw missing("cutover.routing.kind");
        }
        switch (kind) {
            case WEBHOOK -> require("url", url);
            case APP_SETTING, APP_CONNECTION_STRING -> {
                require("resourceId", resourceId);
                require("setting", setting);
            }
            case KEY_VAULT_SECRET -> {
                require("vaultUrl", vaultUrl);
                require("secret", secret);
            }
            case APP_CONFIGURATION -> {
                require("endpoint", endpoint);
                require("key", key);
            }
            default -> throw new FerryException(ErrorCode.CONFIGURATION, "Unable to accept field 'cutover.routing.kind': '" + kind
                    + "' is not one of webhook, app-setting, app-connection-string, key-vault-secret, app-configuration");
        }
    }

    private static FerryException missing(String field) {
        return new FerryException(ErrorCode.CONFIGURATION, "Unable to start a cutover: field '" + field + "' is missing");
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw missing("cutover.routing." + field);
        }
    }
}

