package dev.ferry.engine.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The history of parity checks, kept in the target's {@code ferry.parity_check} table with each full report. */
public final class ParityLog {
    static final String TABLE = """
            CREATE SCHEMA IF NOT EXISTS ferry;
            CREATE TABLE IF NOT EXISTS ferry.parity_check (
                checked_at timestamptz NOT NULL DEFAULT now(),
                result text NOT NULL,
                tables integer NOT NULL,
                mismatched_tables integer NOT NULL,
                schema_differences integer NOT NULL,
                seconds double precision NOT NULL,
                report jsonb NOT NULL)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ParityLog() {
    }

    public static void record(Connection target, ValidationReport report) {
        try (Statement st = target.createStatement()) {
            st.execute(TABLE);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to create ferry.parity_check", e);
        }
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO ferry.parity_check (result, tables, mismatched_tables, "
                + "schema_differences, seconds, report) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, report.result().name());
            ps.setInt(2, report.tables().size());
            ps.setInt(3, (int) report.tables().stream().filter(t -> !t.equal()).count());
            ps.setInt(4, report.schema().differences().size());
            ps.setDouble(5, report.seconds());
            ps.setString(6, JSON.writeValueAsString(report));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to record the parity check", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
