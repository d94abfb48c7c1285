package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.model.Table;
import dev.ferry.support.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Ferry's catalog queries against a real SQL Server 2022. Runs where Docker runs; where it does
 * not (as on the development machines), JUnit reports it skipped. It also proves the catalog
 * fixture the other tests use is what SQL Server really returns for the same schema.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerContainerIT {
    @Container
    private static final MSSQLServerContainer<?> SQL_SERVER = new MSSQLServerContainer<>(
            DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-latest")).acceptLicense();

    @Test
    void readsTheSameSchemaAsTheFixture() throws Exception {
        try (Connection c = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword())) {
            try (Statement st = c.createStatement(); InputStream in = getClass().getResourceAsStream("/sqlserver/fixture-schema.sql")) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String batch : script.split("(?m)^GO\\s*$")) {
                    String sql = batch.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
                    if (!sql.isEmpty()) {
                        st.execute(sql);
                    }
                }
            }
            DatabaseSchema live = new SqlServerDialect().introspect(c);
            DatabaseSchema fixture = Fixtures.sqlServerSchema();
            assertThat(live.tables()).extracting(t -> t.ref().toString())
                    .containsExactlyInAnyOrderElementsOf(fixture.tables().stream().map(t -> t.ref().toString()).toList());
            for (Table expected : fixture.tables()) {
                Table actual = live.table(expected.ref()).orElseThrow();
                assertThat(actual.columns()).as(expected.ref().toString()).containsExactlyElementsOf(expected.columns());
                assertThat(actual.primaryKey()).isEqualTo(expected.primaryKey());
                assertThat(actual.uniqueConstraints()).containsExactlyInAnyOrderElementsOf(expected.uniqueConstraints());
                assertThat(actual.indexes()).containsExactlyInAnyOrderElementsOf(expected.indexes());
                assertThat(actual.foreignKeys()).containsExactlyInAnyOrderElementsOf(expected.foreignKeys());
                assertThat(actual.checks()).containsExactlyInAnyOrderElementsOf(expected.checks());
            }
            assertThat(live.otherObjects()).containsExactlyInAnyOrderElementsOf(fixture.otherObjects());
        }
    }
}
