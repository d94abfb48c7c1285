package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.copy.ChunkSql;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.plan.ChunkPlanner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Issue 14.2, 14.5, 14.6 on a real SQL Server 2022 (skipped without Docker): sql_variant values read
 * exactly by base type; varchar keys under SQL_Latin1_General_CP1_CI_AS, whose varchar and nvarchar
 * orders differ ('a-c' < 'ab' but N'a-c' > N'ab'), chunked without overlap; datetimeoffset and time
 * keys chunked.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerValuesContainerIT {
    @Container
    private static final MSSQLServerContainer<?> SQL_SERVER = new MSSQLServerContainer<>(
            DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-latest")).acceptLicense();

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
    }

    @Test
    void sqlVariantValuesAreReadExactlyByBaseType() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.variants (id int PRIMARY KEY, v sql_variant NULL)");
            st.execute("INSERT INTO dbo.variants VALUES (1, CAST('2024-05-06 07:08:09.127' AS datetime)), "
                    + "(2, CAST(123456.7891 AS money)), (3, CAST(0.1 AS float)), (4, CAST(REPLICATE('x', 5000) AS varchar(8000))), "
                    + "(5, CAST(0x00FF AS varbinary(10))), (6, CAST(N'ü' AS nvarchar(10))), (7, CAST(1.25 AS decimal(9,4)))");
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT " + SqlServerVariant.select("[v]") + " FROM dbo.variants ORDER BY id")) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
            assertThat(texts.get(0)).isEqualTo("2024-05-06 07:08:09.127");
            assertThat(texts.get(1)).isEqualTo("123456.7891");
            assertThat(Double.parseDouble(texts.get(2))).isEqualTo(0.1);
            assertThat(texts.get(3)).hasSize(5000);
            assertThat(texts.subList(4, 7)).containsExactly("0x00FF", "ü", "1.2500");
        }
    }

    @Test
    void varcharKeysUnderAnSqlCollationAreChunkedWithoutOverlap() throws Exception {
        List<String> codes = new ArrayList<>();
        for (String a : List.of("a", "b", "c")) {
            for (String b : List.of("-a", "-b", "-c", "a", "b", "c", "'", "-")) {
                codes.add(a + b);
            }
        }
        try (Connection c = connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE dbo.codes (code varchar(20) COLLATE SQL_Latin1_General_CP1_CI_AS PRIMARY KEY)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dbo.codes VALUES (?)")) {
                for (String code : codes) {
                    ps.setString(1, code);
                    ps.executeUpdate();
                }
            }
            assertThat(rowsOfEveryChunk(c, "codes")).containsExactlyInAnyOrderElementsOf(codes);
        }
    }

    @Test
    void datetimeoffsetAndTimeKeysAreChunked() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.offsets (at datetimeoffset(7) PRIMARY KEY)");
            st.execute("CREATE TABLE dbo.times (at time(7) PRIMARY KEY)");
            for (int i = 0; i < 10; i++) {
                st.execute("INSERT INTO dbo.offsets VALUES (DATEADD(hour, " + i + ", CAST('2024-03-31 02:30:00.1234567 +0" + (i % 3)
                        + ":00' AS datetimeoffset(7))))");
                st.execute("INSERT INTO dbo.times VALUES (DATEADD(nanosecond, " + (i * 100) + ", CAST('10:00:00.1234567' AS time(7))))");
            }
            assertThat(rowsOfEveryChunk(c, "offsets")).hasSize(10).doesNotHaveDuplicates();
            assertThat(rowsOfEveryChunk(c, "times")).hasSize(10).doesNotHaveDuplicates();
        }
    }

    /** Issue 14.8: the columns a rollback leaves to SQL Server, which refuses a client's value for them. */
    @Test
    void rowversionComputedAndPeriodColumnsAreLeftToTheServer() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dbo.versioned (id int PRIMARY KEY, seq int IDENTITY(1,1) NOT NULL, qty int NOT NULL, "
                    + "doubled AS (qty * 2), ver rowversion, "
                    + "valid_from datetime2 GENERATED ALWAYS AS ROW START NOT NULL, valid_to datetime2 GENERATED ALWAYS AS ROW END NOT NULL, "
                    + "PERIOD FOR SYSTEM_TIME (valid_from, valid_to)) WITH (SYSTEM_VERSIONING = ON)");
            java.util.Map<String, String> left = new SqlServerDialect().serverWrittenColumns(c, new TableRef("dbo", "versioned"));
            assertThat(left.keySet()).containsExactly("doubled", "ver", "valid_from", "valid_to");
            assertThat(left.get("valid_from")).contains("ROW_START");
        }
    }

    /** The key text of every row of every chunk of {@code table} planned 3 rows a chunk, as the copy selects them. */
    private static List<String> rowsOfEveryChunk(Connection c, String name) throws Exception {
        SqlServerDialect dialect = new SqlServerDialect();
        Table table = dialect.introspect(c).table(new TableRef("dbo", name)).orElseThrow();
        List<String> out = new ArrayList<>();
        for (ChunkRange chunk : new ChunkPlanner(dialect, 3).plan(c, table).chunks()) {
            String key = dialect.quote(table.copyKey().get(0));
            try (PreparedStatement ps = c.prepareStatement("SELECT CONVERT(nvarchar(100), " + key + ", 121) FROM "
                    + dialect.qualified(table.ref()) + " WHERE " + ChunkSql.predicate(dialect, table, chunk))) {
                List<Object> params = ChunkSql.parameters(chunk);
                for (int i = 0; i < params.size(); i++) {
                    dialect.bindKey(ps, i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }
}
