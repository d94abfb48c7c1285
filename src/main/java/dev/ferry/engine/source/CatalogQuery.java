package dev.ferry.engine.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a catalog query and maps each row onto a record whose components are the query's column
 * labels in snake_case. The same records are read from JSON fixtures in tests, so one mapping
 * from catalog rows to the model serves both.
 */
public final class CatalogQuery {
    /** Maps snake_case column labels (and fixture keys) onto record components. */
    public static final ObjectMapper ROWS = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogQuery() {
    }

    private static Object value(Object jdbc) throws SQLException {
        if (jdbc instanceof java.sql.Array array) {
            try {
                return Arrays.asList((Object[]) array.getArray());
            } finally {
                array.free();
            }
        }
        return jdbc;
    }

    public static <T> List<T> list(Connection connection, String sql, Class<T> rowType, Object... parameters) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        row.put(md.getColumnLabel(c).toLowerCase(Locale.ROOT), value(rs.getObject(c)));
                    }
                    rows.add(ROWS.convertValue(row, rowType));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.INTROSPECTION,
                    "Unable to read the catalog (" + rowType.getSimpleName() + ")", e);
        }
    }
}
