package dev.ferry.engine.plan;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.JdbcUrls;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.convert.SchemaConverter;
import dev.ferry.engine.convert.TargetSchema;
import java.sql.Connection;

/** Introspects a source, converts its schema, and produces DDL and the assessment. */
public final class Planner {
    private final SourceDialect dialect;
    private final MigrationConfig config;

    public Planner(SourceDialect dialect, MigrationConfig config) {
        this.dialect = dialect;
        this.config = config;
    }

    public MigrationPlan plan(Connection source, String sourceUrl) {
        return plan(dialect.introspect(source), sourceUrl);
    }

    public MigrationPlan plan(DatabaseSchema source, String sourceUrl) {
        TargetSchema schema = new SchemaConverter(dialect, config).convert(source);
        DdlGenerator ddl = new DdlGenerator();
        return new MigrationPlan(schema, ddl.preData(schema), ddl.postData(schema),
                AssessmentBuilder.build(schema, JdbcUrls.redact(sourceUrl)));
    }
}
