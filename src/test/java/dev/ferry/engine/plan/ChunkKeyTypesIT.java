package dev.ferry.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.copy.ChunkSql;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.h2.H2Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14.6: tables keyed by time, timestamp with time zone, float and real split into chunks that
 * together hold every row exactly once (a time key failed planning with UNSUPPORTED_TYPE: java.sql.Time
 * is no chunk bound, and would have dropped the fraction if it were), on H2 in MODE=MSSQLServer.
 */
class ChunkKeyTypesIT {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TIME(7)|TIME '10:00:00.1234567' + CAST(? AS INT) * INTERVAL '0.0000001' SECOND",
            "TIMESTAMP(7) WITH TIME ZONE|TIMESTAMP WITH TIME ZONE '2024-03-31 02:30:00.1234567+02:00' + CAST(? AS INT) * INTERVAL '1' HOUR",
            "TIMESTAMP(7)|TIMESTAMP '2021-03-28 02:30:00.0000001' + CAST(? AS INT) * INTERVAL '0.0000001' SECOND",
            "DOUBLE PRECISION|0.1 + CAST(? AS INT) * 1e-16",
            "REAL|CAST(0.1 AS REAL) + CAST(? AS INT) * CAST(0.25 AS REAL)"})
    void everyRowFallsInExactlyOneChunk(String type, String valueOf) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:keys" + Math.abs(type.hashCode()) + ";MODE=MSSQLServer")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE k (id " + type + " PRIMARY KEY, n INT NOT NULL)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO k VALUES (" + valueOf + ", ?)")) {
                for (int i = 0; i < 10; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i);
                    ps.executeUpdate();
                }
            }
            H2Dialect dialect = new H2Dialect();
            Table table = dialect.introspect(c).table(new TableRef("PUBLIC", "K")).orElseThrow();
            List<ChunkRange> chunks = new ChunkPlanner(dialect, 3).plan(c, table).chunks();
            assertThat(chunks).hasSize(4);
            List<Integer> seen = new ArrayList<>();
            for (ChunkRange chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT n FROM k WHERE " + ChunkSql.predicate(dialect, table, chunk))) {
                    List<Object> params = ChunkSql.parameters(chunk);
                    for (int i = 0; i < params.size(); i++) {
                        dialect.bindKey(ps, i + 1, params.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.add(rs.getInt(1));
                        }
                    }
                }
            }
            assertThat(seen).as(type).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    /** Issue 14: a bound in the JVM zone's DST gap is journaled as it is, not moved by an hour through java.sql.Timestamp. */
    @org.junit.jupiter.api.Test
    void aTimestampBoundInADaylightSavingGapKeepsItsHour() throws Exception {
        java.util.TimeZone jvm = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dstgap;MODE=MSSQLServer")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE k (id TIMESTAMP(7) PRIMARY KEY)");
                st.execute("INSERT INTO k VALUES (TIMESTAMP '2021-03-28 01:30:00'), (TIMESTAMP '2021-03-28 02:30:00'), "
                        + "(TIMESTAMP '2021-03-28 03:15:00'), (TIMESTAMP '2021-03-28 04:00:00')");
            }
            H2Dialect dialect = new H2Dialect();
            Table table = dialect.introspect(c).table(new TableRef("PUBLIC", "K")).orElseThrow();
            List<ChunkRange> chunks = new ChunkPlanner(dialect, 2).plan(c, table).chunks();
            assertThat(chunks.get(0).upper()).containsExactly("t:2021-03-28T02:30");
        } finally {
            java.util.TimeZone.setDefault(jvm);
        }
    }
}
