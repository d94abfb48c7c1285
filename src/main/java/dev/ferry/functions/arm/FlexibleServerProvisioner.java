package dev.ferry.functions.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.postgresqlflexibleserver.PostgreSqlManager;
import com.azure.resourcemanager.postgresqlflexibleserver.fluent.PostgreSqlManagementClient;
import com.azure.resourcemanager.postgresqlflexibleserver.fluent.models.ConfigurationInner;
import com.azure.resourcemanager.postgresqlflexibleserver.fluent.models.DatabaseInner;
import com.azure.resourcemanager.postgresqlflexibleserver.fluent.models.FirewallRuleInner;
import com.azure.resourcemanager.postgresqlflexibleserver.fluent.models.ServerInner;
import com.azure.resourcemanager.postgresqlflexibleserver.models.ActiveDirectoryAdministratorAdd;
import com.azure.resourcemanager.postgresqlflexibleserver.models.ActiveDirectoryAuthEnum;
import com.azure.resourcemanager.postgresqlflexibleserver.models.AuthConfig;
import com.azure.resourcemanager.postgresqlflexibleserver.models.Backup;
import com.azure.resourcemanager.postgresqlflexibleserver.models.GeoRedundantBackupEnum;
import com.azure.resourcemanager.postgresqlflexibleserver.models.HighAvailability;
import com.azure.resourcemanager.postgresqlflexibleserver.models.HighAvailabilityMode;
import com.azure.resourcemanager.postgresqlflexibleserver.models.PasswordAuthEnum;
import com.azure.resourcemanager.postgresqlflexibleserver.models.PrincipalType;
import com.azure.resourcemanager.postgresqlflexibleserver.models.ServerState;
import com.azure.resourcemanager.postgresqlflexibleserver.models.ServerVersion;
import com.azure.resourcemanager.postgresqlflexibleserver.models.Sku;
import com.azure.resourcemanager.postgresqlflexibleserver.models.SkuTier;
import com.azure.resourcemanager.postgresqlflexibleserver.models.Storage;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Creates or reuses the Flexible Server through Azure Resource Manager, idempotently. The server
 * itself takes minutes, so {@link #start} only sends the create request and {@link #poll} reads
 * its state: the workflow waits between polls on durable timers instead of blocking an activity.
 * The quick settings (firewall, database, allow-listed extensions, Entra administrator) are applied
 * by {@link #configure} once the server is ready. ARM errors become {@link FerryException}s naming
 * the resource and ARM's error code (Conflict, AuthorizationFailed, …).
 */
public final class FlexibleServerProvisioner {
    /** Where a server stands. */
    public record Progress(String state, boolean ready, String fqdn) {
    }

    private final PostgreSqlManagementClient arm;

    public FlexibleServerProvisioner(PostgreSqlManagementClient arm) {
        this.arm = arm;
    }

    /** A provisioner for a subscription; {@code httpClient} may be null for the default. */
    public static FlexibleServerProvisioner connect(TokenCredential credential, AzureProfile profile, HttpClient httpClient,
                                                    Duration pollInterval) {
        PostgreSqlManager.Configurable c = PostgreSqlManager.configure().withDefaultPollInterval(pollInterval);
        if (httpClient != null) {
            c = c.withHttpClient(httpClient);
        }
        return new FlexibleServerProvisioner(c.authenticate(credential, profile).serviceClient());
    }

    /** Reuses the server if it exists; else sends the create request and returns at once. */
    public Progress start(ServerSpec spec, Supplier<String> adminPassword) {
        ServerInner existing = find(spec);
        if (existing != null) {
            return progress(existing);
        }
        ServerInner server = new ServerInner()
                .withLocation(spec.region())
                .withSku(new Sku().withName(spec.skuName()).withTier(SkuTier.fromString(spec.tier())))
                .withVersion(ServerVersion.fromString(spec.version()))
                .withStorage(new Storage().withStorageSizeGB(spec.storageGb()))
                .withBackup(new Backup().withBackupRetentionDays(spec.backupDays()).withGeoRedundantBackup(GeoRedundantBackupEnum.DISABLED))
                .withHighAvailability(new HighAvailability().withMode(HighAvailabilityMode.DISABLED))
                .withAuthConfig(new AuthConfig().withActiveDirectoryAuth(ActiveDirectoryAuthEnum.ENABLED)
                        .withPasswordAuth(PasswordAuthEnum.ENABLED).withTenantId(spec.tenantId()))
                .withAdministratorLogin(spec.adminLogin())
                .withAdministratorLoginPassword(adminPassword.get());
        call("create server " + spec.name(), () -> arm.getServers().beginCreate(spec.resourceGroup(), spec.name(), server));
        return new Progress("Creating", false, null);
    }

    /** The server's current state (one GET). */
    public Progress poll(ServerSpec spec) {
        ServerInner server = find(spec);
        if (server == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to find server " + spec.name() + " in resource group "
                    + spec.resourceGroup() + ": its creation did not start");
        }
        return progress(server);
    }

    /** Firewall rule, database, allow-listed extensions and the Entra administrator; each is an idempotent PUT. */
    public void configure(ServerSpec spec) {
        String rg = spec.resourceGroup();
        String s = spec.name();
        if (spec.firewallStart() != null) {
            call("create firewall rule on " + s, () -> arm.getFirewallRules().createOrUpdate(rg, s, "ferry-app",
                    new FirewallRuleInner().withStartIpAddress(spec.firewallStart()).withEndIpAddress(spec.firewallEnd())));
        }
        call("create database " + spec.database() + " on " + s, () -> arm.getDatabases().create(rg, s, spec.database(),
                new DatabaseInner().withCharset("UTF8").withCollation("en_US.utf8")));
        call("allow-list extensions on " + s, () -> arm.getConfigurations().put(rg, s, "azure.extensions",
                new ConfigurationInner().withValue(String.join(",", spec.extensions())).withSource("user-override")));
        call("make " + spec.entraAdminName() + " the Entra administrator of " + s, () -> arm.getAdministrators().create(rg, s,
                spec.entraAdminObjectId(), new ActiveDirectoryAdministratorAdd().withPrincipalType(PrincipalType.SERVICE_PRINCIPAL)
                        .withPrincipalName(spec.entraAdminName()).withTenantId(spec.tenantId())));
    }

    private ServerInner find(ServerSpec spec) {
        try {
            return arm.getServers().getByResourceGroup(spec.resourceGroup(), spec.name());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return null;
            }
            throw failure("read server " + spec.name(), e);
        }
    }

    private static Progress progress(ServerInner s) {
        boolean ready = ServerState.READY.equals(s.state());
        return new Progress(s.state() == null ? "Unknown" : s.state().toString(), ready, s.fullyQualifiedDomainName());
    }

    private static void call(String what, Runnable request) {
        try {
            request.run();
        } catch (ManagementException e) {
            throw failure(what, e);
        }
    }

    private static FerryException failure(String what, ManagementException e) {
        String code = e.getValue() == null ? "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().getStatusCode())
                : e.getValue().getCode();
        String message = e.getValue() == null ? e.getMessage() : e.getValue().getMessage();
        return new FerryException(ErrorCode.CONFIGURATION, "Unable to " + what + ": Azure Resource Manager answered " + code
                + ": " + message, e);
    }
}
