package dev.ferry.cli;

import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.sample.SampleLoader;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry sample}: creates the Kitchen Pantry CRM sample with data in a database, for trials and benchmarks. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Creates the Kitchen Pantry CRM sample schema and seeded data in an H2 or PostgreSQL database.")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "JDBC URL of an empty database (password from the URL or FERRY_TARGET_PASSWORD).")
    String url;

    @Option(names = "--scale", defaultValue = "200", description = "Organizations; about 13 rows per organization in all (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", defaultValue = "20261124", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        try (Connection c = JdbcConnector.target(url).open()) {
            long rows = SampleLoader.load(c, url, seed, scale);
            Console.line(String.format("Created the sample: %d rows in %.1f s", rows, (System.nanoTime() - started) / 1e9));
        }
        return 0;
    }
}
