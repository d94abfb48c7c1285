package dev.ferry.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How a cutover stops the application writing to the source, where the dialect offers a choice.
 *
 * @param sqlServer   SQL Server: deny writes to the application's principals (default; Ferry's
 *                    own login keeps writing, so a rollback brings the target's writes back before
 *                    the application can write again), or make the whole database read-only
 * @param denyWriteTo SQL Server, deny-write: the database users or roles the application writes as
 * @param postgresRoles PostgreSQL (a PostgreSQL source, and the target after a rollback): the roles
 *                    whose write grants the fence revokes; empty for every role holding write grants
 *                    on the tables other than Ferry's own
 */
public record FreezeConfig(SqlServerFreeze sqlServer, List<String> denyWriteTo, List<String> postgresRoles) {
    @JsonCreator
    public FreezeConfig(@JsonProperty("sqlServer") SqlServerFreeze sqlServer, @JsonProperty("denyWriteTo") List<String> denyWriteTo,
                        @JsonProperty("postgresRoles") List<String> postgresRoles) {
        this.sqlServer = sqlServer == null ? SqlServerFreeze.DENY_WRITE : sqlServer;
        this.denyWriteTo = denyWriteTo == null ? List.of() : List.copyOf(denyWriteTo);
        this.postgresRoles = postgresRoles == null ? List.of() : List.copyOf(postgresRoles);
    }

    public FreezeConfig(SqlServerFreeze sqlServer, List<String> denyWriteTo) {
        this(sqlServer, denyWriteTo, null);
    }

    public static FreezeConfig defaults() {
        return new FreezeConfig(null, null, null);
    }

    /** The SQL Server freeze modes. */
    public enum SqlServerFreeze {
        @JsonProperty("deny-write")
        DENY_WRITE,
        @JsonProperty("read-only")
        READ_ONLY
    }
}
