package dev.ferry.support;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.destination.SchemaApplier;
import java.sql.Connection;
import java.sql.SQLException;

/** Plans a source, applies both DDL phases to a fresh PostgreSQL database, and reads it back. */
public record PlanAndApply(MigrationPlan plan, String targetUrl, DatabaseSchema created) {

    public static PlanAndApply run(SourceDialect dialect, DatabaseSchema source, MigrationConfig config, String dbPrefix)
            throws SQLException {
        MigrationPlan plan = new Planner(dialect, config).plan(source, "test");
        String url = TestPostgres.newDatabase(dbPrefix);
        try (Connection target = TestPostgres.connect(url)) {
            SchemaApplier applier = new SchemaApplier(target);
            applier.applyAtomically(plan.preData());
            applier.applyAtomically(plan.postData());
            return new PlanAndApply(plan, url, new PostgresDialect().introspect(target));
        }
    }
}
