package dev.ferry.sample;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kitchen Pantry CRM sample: its schema (T-SQL for H2's MSSQLServer mode) and the JDBC URL of
 * an in-memory H2 database that stands in for SQL Server.
 */
public final class SampleDatabase {
    public static final String SCHEMA_RESOURCE = "/sample/kitchen-pantry.sql";
    public static final List<String> TABLES = List.of("User", "Account", "Session", "VerificationToken", "Organization",
            "Contact", "OrganizationUser", "Opportunity", "Interaction", "Setting");

    private SampleDatabase() {
    }

    /** An in-memory H2 database in SQL Server mode that lives until the JVM exits. */
    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    }

    /** Creates the sample schema on {@code connection}. */
    public static void createSchema(Connection connection) {
        for (String sql : statements()) {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.DDL, "Unable to create the sample schema at: "
                        + sql.lines().findFirst().orElse(sql), e);
            }
        }
    }

    /** The schema script split into statements (each ends with a semicolon at the end of a line). */
    public static List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script().split("\n")) {
            if (line.startsWith("--") || (line.isBlank() && current.length() == 0)) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    private static String script() {
        try (InputStream in = SampleDatabase.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to find " + SCHEMA_RESOURCE + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to read " + SCHEMA_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
