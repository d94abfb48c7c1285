package dev.ferry.functions;

import dev.ferry.functions.arm.ServerSpec;

/**
 * The target server to create or reuse before the migration (optional part of a start request);
 * everything else takes the plan's defaults (Burstable B1ms, PostgreSQL 16, 32 GB, 7-day backups).
 */
public record ProvisionSpec(String subscriptionId, String tenantId, String resourceGroup, String name, String region,
                            String adminObjectId, String adminName, String database, String firewallStart, String firewallEnd) {

    ServerSpec server() {
        ServerSpec s = ServerSpec.defaults(resourceGroup, name, region, tenantId, adminObjectId, adminName, database);
        return firewallStart == null ? s : s.withFirewall(firewallStart, firewallEnd == null ? firewallStart : firewallEnd);
    }
}
