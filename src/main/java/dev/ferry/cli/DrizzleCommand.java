package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.drizzle.DrizzleSchemaGenerator;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry drizzle}: the Drizzle ORM schema of the converted database. */
@Command(name = "drizzle", mixinStandardHelpOptions = true,
        description = "Writes a Drizzle ORM pg-core schema (TypeScript) for the PostgreSQL schema Ferry creates from the source.")
final class DrizzleCommand implements Callable<Integer> {
    @Mixin
    Endpoints.Source sourceOption;

    @Mixin
    Endpoints.Config configOption;

    @Option(names = "--out", defaultValue = "schema.ts", description = "The TypeScript file to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        MigrationPlan plan;
        try (Connection c = JdbcConnector.source(sourceOption.url).open()) {
            plan = new Planner(SourceDialects.forUrl(sourceOption.url), ConfigLoader.load(configOption.file)).plan(c, sourceOption.url);
        }
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, new DrizzleSchemaGenerator().generate(plan.schema()));
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write '" + out + "': " + e.getMessage(), e);
        }
        Console.line("Wrote " + out + ": " + plan.schema().tables().size() + " tables");
        return 0;
    }
}
