package dev.ferry.cli;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.PlanWriter;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.target.SchemaApplier;
import dev.ferry.sample.SampleDataGenerator;
import dev.ferry.sample.SampleDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferry demo}: the whole job on embedded databases. An H2 database in SQL Server mode holds
 * the Kitchen Pantry CRM sample; an embedded PostgreSQL 16 is the target.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs Ferry on the embedded Kitchen Pantry CRM sample (H2 in SQL Server mode -> embedded PostgreSQL).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scale", defaultValue = "200", description = "Organizations in the sample; other tables grow with it (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", defaultValue = "20261124", description = "Seed of the sample data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "ferry-demo", description = "Directory for the plan files (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        String sourceUrl = SampleDatabase.h2Url("ferry-demo-" + System.nanoTime());
        try (Connection source = DriverManager.getConnection(sourceUrl);
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection target = postgres.getPostgresDatabase().getConnection()) {
            Console.line("Started embedded PostgreSQL " + target.getMetaData().getDatabaseProductVersion()
                    + " on port " + postgres.getPort());
            SampleDatabase.createSchema(source);
            SampleDataGenerator data = new SampleDataGenerator(seed, scale);
            data.populate(source);
            Console.line("Built the Kitchen Pantry CRM sample in H2 (SQL Server mode): " + data.totalRows() + " rows in "
                    + data.rowCounts().size() + " tables");

            MigrationPlan plan = new Planner(new H2Dialect(), MigrationConfig.defaults()).plan(source, sourceUrl);
            PlanWriter.write(plan, out).forEach(p -> Console.line("Wrote " + p));
            PlanCommand.printSummary(plan);

            SchemaApplier applier = new SchemaApplier(target);
            applier.applyAtomically(plan.preData());
            Console.line("Applied pre-data: " + plan.preData().size() + " statements");
            Console.line("Copy and validation arrive with the copy engine; applying post-data on the empty tables.");
            applier.applyAtomically(plan.postData());
            Console.line("Applied post-data: " + plan.postData().size() + " statements");

            DatabaseSchema created = new PostgresDialect().introspect(target);
            int indexes = created.tables().stream().mapToInt(t -> t.indexes().size() + t.uniqueConstraints().size()
                    + (t.primaryKey() == null ? 0 : 1)).sum();
            int fks = created.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
            Console.line(String.format("Target now has %d tables, %d keys and indexes, %d foreign keys:",
                    created.tables().size(), indexes, fks));
            for (Table t : created.tables()) {
                Console.line(String.format("  %-28s %3d columns  %2d indexes  %2d foreign keys", t.ref(), t.columns().size(),
                        t.indexes().size() + t.uniqueConstraints().size() + (t.primaryKey() == null ? 0 : 1),
                        t.foreignKeys().size()));
            }
        }
        return 0;
    }
}
