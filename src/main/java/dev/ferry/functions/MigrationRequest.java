package dev.ferry.functions;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;

/**
 * What starts a migration in Azure: the orchestration's input, and the context every activity
 * receives. URLs carry no password: passwords come from the app settings FERRY_SOURCE_PASSWORD and
 * FERRY_TARGET_PASSWORD (Key Vault references), or Entra ID.
 *
 * @param config    the migration config as YAML text, or null for the defaults
 * @param provision the target server to create or reuse first, or null when it exists
 * @param cutover   the sync and cutover that follow the copy, or null to stop after it
 */
public record MigrationRequest(String source, String target, String config, Integer workers, Integer chunkRows, Boolean validate,
                               ProvisionSpec provision, CutoverSpec cutover) {

    public MigrationRequest(String source, String target, String config, Integer workers, Integer chunkRows, Boolean validate) {
        this(source, target, config, workers, chunkRows, validate, null, null);
    }

    public MigrationRequest(String source, String target, String config, Integer workers, Integer chunkRows, Boolean validate,
                            ProvisionSpec provision) {
        this(source, target, config, workers, chunkRows, validate, provision, null);
    }

    /** Refuses a request that lacks a field or carries a password, naming the field. */
    public MigrationRequest validated() {
        require("source", source);
        require("target", target);
        for (String[] f : new String[][] {{"source", source}, {"target", target}}) {
            if (f[1].toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to accept field '" + f[0]
                        + "': it carries a password; put it in the app settings (Key Vault reference) instead");
            }
        }
        if (workers != null && workers < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to accept field 'workers': must be at least 1, was " + workers);
        }
        if (provision != null) {
            require("provision.subscriptionId", provision.subscriptionId());
            require("provision.tenantId", provision.tenantId());
            require("provision.resourceGroup", provision.resourceGroup());
            require("provision.name", provision.name());
            require("provision.region", provision.region());
            require("provision.adminObjectId", provision.adminObjectId());
            require("provision.adminName", provision.adminName());
            require("provision.database", provision.database());
        }
        if (cutover != null) {
            cutover.validate();
        }
        if (chunkRows != null && chunkRows < 1) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to accept field 'chunkRows': must be at least 1, was " + chunkRows);
        }
        return this;
    }

    public boolean validates() {
        return validate == null || validate;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to start a migration: field '" + field + "' is missing");
        }
    }
}
