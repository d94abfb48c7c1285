package dev.ferry.sample;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.destination.SchemaApplier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Creates the Kitchen Pantry CRM sample, with data, in any database Ferry reads: H2 directly from
 * its T-SQL, PostgreSQL through Ferry's own conversion of that schema (indexes and foreign keys
 * are added after the data, as a real load would). Used by {@code ferry sample}, the benchmark and
 * tests.
 */
public final class SampleLoader {
    private SampleLoader() {
    }

    /** Creates schema and data at {@code url}; returns the rows written. */
    public static long load(Connection target, String url, long seed, int scale) throws SQLException {
        SampleDataGenerator data = new SampleDataGenerator(seed, scale);
        if (url.startsWith("jdbc:h2:")) {
            SampleDatabase.createSchema(target);
            data.populate(target);
            return data.totalRows();
        }
        String h2 = SampleDatabase.h2Url("sample-schema-" + System.nanoTime());
        MigrationPlan plan;
        try (Connection schema = DriverManager.getConnection(h2)) {
            SampleDatabase.createSchema(schema);
            plan = new Planner(new H2Dialect(), MigrationConfig.defaults()).plan(schema, h2);
        }
        SchemaApplier applier = new SchemaApplier(target);
        applier.applyAtomically(plan.preData());
        data.populate(target);
        applier.applyAtomically(plan.postData());
        return data.totalRows();
    }
}
