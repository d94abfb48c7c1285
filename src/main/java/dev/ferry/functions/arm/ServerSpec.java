package dev.ferry.functions.arm;

import java.util.List;

/**
 * The Flexible Server a migration needs. {@link #defaults} gives the plan's choices: Burstable
 * Standard_B1ms, PostgreSQL 16, 32 GB, 7-day backups, no geo-redundancy, no high availability
 * (Burstable has none), Entra ID and password authentication, citext and pgcrypto allow-listed.
 *
 * @param firewallStart first address the app's outbound range allows (firewall rule), or null for none
 * @param entraAdminObjectId object id of the app's managed identity, made the server's Entra administrator
 */
public record ServerSpec(String resourceGroup, String name, String region, String skuName, String tier, String version,
                         int storageGb, int backupDays, String adminLogin, String tenantId, String entraAdminObjectId,
                         String entraAdminName, String firewallStart, String firewallEnd, String database,
                         List<String> extensions) {

    public static ServerSpec defaults(String resourceGroup, String name, String region, String tenantId, String adminObjectId,
                                      String adminName, String database) {
        return new ServerSpec(resourceGroup, name, region, "Standard_B1ms", "Burstable", "16", 32, 7, "ferryadmin", tenantId,
                adminObjectId, adminName, null, null, database, List.of("CITEXT", "PGCRYPTO"));
    }

    public ServerSpec withFirewall(String start, String end) {
        return new ServerSpec(resourceGroup, name, region, skuName, tier, version, storageGb, backupDays, adminLogin, tenantId,
                entraAdminObjectId, entraAdminName, start, end, database, extensions);
    }
}
