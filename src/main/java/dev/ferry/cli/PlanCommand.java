package dev.ferry.cli;

import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.PlanWriter;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry plan}: introspect the source, write DDL and the assessment. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Reads the source schema and writes pre-data.sql, post-data.sql, assessment.md and assessment.json.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    Endpoints.Source sourceOption;

    @Option(names = "--target", description = "Target JDBC URL; when given, Ferry checks it can connect and the server version.")
    String target;

    @Mixin
    Endpoints.Config configOption;

    @Option(names = "--out", required = true, description = "Directory for the plan files.")
    Path out;

    @Override
    public Integer call() throws SQLException {
        MigrationConfig cfg = ConfigLoader.load(configOption.file);
        SourceDialect dialect = SourceDialects.forUrl(sourceOption.url);
        MigrationPlan plan;
        try (Connection c = JdbcConnector.source(sourceOption.url).open()) {
            plan = new Planner(dialect, cfg).plan(c, sourceOption.url);
        }
        if (target != null) {
            try (Connection t = JdbcConnector.target(target).open()) {
                Console.line("Target: PostgreSQL " + t.getMetaData().getDatabaseProductVersion());
            }
        }
        PlanWriter.write(plan, out).forEach(p -> Console.line("Wrote " + p));
        printSummary(plan);
        return 0;
    }

    static void printSummary(MigrationPlan plan) {
        var s = plan.assessment().summary();
        Console.line(String.format("Planned %d tables, %d columns; primary keys %s, unique constraints %s, indexes %s, "
                        + "foreign keys %s, CHECKs %s (+%d type CHECKs); %d warnings.",
                s.tables(), s.columns(), s.primaryKeys().text(), s.uniqueConstraints().text(), s.indexes().text(),
                s.foreignKeys().text(), s.checks().text(),
                plan.schema().tables().stream().flatMap(t -> t.checks().stream()).filter(c -> !c.fromSource()).count(),
                s.warnings()));
    }
}
