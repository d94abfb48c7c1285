package dev.ferry.engine.convert;

import dev.ferry.engine.destination.DdlGenerator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import dev.ferry.support.Fixtures;
import dev.ferry.support.SampleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated DDL. After an intended change, regenerate with
 * {@code mvn test -Dtest=GoldenDdlTest -Dferry.golden.update=true} and review the diff.
 */
class GoldenDdlTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @Test
    void sampleDatabaseDdl() throws Exception {
        String url = SampleSource.create("golden", 0);
        DatabaseSchema schema;
        try (Connection c = DriverManager.getConnection(url)) {
            schema = new H2Dialect().introspect(c);
        }
        check("sample", new H2Dialect(), schema);
    }

    @Test
    void sqlServerFixtureDdl() throws Exception {
        check("sqlserver-fixture", new SqlServerDialect(), Fixtures.sqlServerSchema());
    }

    private static void check(String name, SourceDialect dialect, DatabaseSchema schema) throws Exception {
        MigrationPlan plan = new Planner(dialect, MigrationConfig.defaults()).plan(schema, "golden");
        compare(name + "-pre-data.sql", DdlGenerator.script("pre-data", plan.preData()));
        compare(name + "-post-data.sql", DdlGenerator.script("post-data", plan.postData()));
    }

    private static void compare(String file, String actual) throws Exception {
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("ferry.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file " + golden + " (create it with -Dferry.golden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
