package dev.ferry.functions.routing;

import com.azure.core.exception.HttpResponseException;
import com.azure.security.keyvault.secrets.SecretClient;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.cutover.RoutingSwitch;

/**
 * Routing in a Key Vault secret (the application reads its connection string from it, directly or
 * as an App Service Key Vault reference): a switch adds a new version, so the vault keeps the
 * previous one too, and a rollback adds the previous value back as the newest. Needs the Key
 * Vault Secrets Officer role.
 */
public final class KeyVaultSecretRoutingSwitch implements RoutingSwitch {
    private final SecretClient secrets;
    private final String name;

    public KeyVaultSecretRoutingSwitch(SecretClient secrets, String name) {
        this.secrets = secrets;
        this.name = name;
    }

    @Override
    public String current() {
        try {
            return secrets.getSecret(name).getValue();
        } catch (HttpResponseException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to read routing from Key Vault secret '" + name + "': HTTP "
                    + e.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void switchTo(String value) {
        try {
            secrets.setSecret(name, value);
        } catch (HttpResponseException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to set Key Vault secret '" + name + "': HTTP "
                    + e.getResponse().getStatusCode(), e);
        }
    }
}
