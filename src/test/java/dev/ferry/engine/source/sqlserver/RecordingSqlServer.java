package dev.ferry.engine.source.sqlserver;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection that records the statements the SQL Server freeze sends and keeps its journal (the
 * extended property) in memory, for the freeze's decision tests where no SQL Server runs; the
 * statements themselves run against a real server in SqlServerContainerIT.
 */
final class RecordingSqlServer {
    /** What the connection was asked to do: each statement's text, and {@value #ABORT} when it was aborted. */
    final List<String> statements = new ArrayList<>();
    static final String ABORT = "<abort>";
    String journal;
    /** A query the server fails, as a cancel or an error inside its batch would, or null. */
    String failing;

    Connection connection() {
        return proxy(Connection.class, (name, args) -> switch (name) {
            case "createStatement" -> statement();
            case "prepareStatement" -> prepared((String) args[0]);
            case "abort" -> statements.add(ABORT);
            default -> null;
        });
    }

    private Statement statement() {
        return proxy(Statement.class, (name, args) -> switch (name) {
            case "execute" -> {
                run((String) args[0], Map.of());
                yield false;
            }
            case "executeQuery" -> query((String) args[0]);
            default -> null;
        });
    }

    private PreparedStatement prepared(String sql) {
        Map<Integer, Object> parameters = new HashMap<>();
        return proxy(PreparedStatement.class, (name, args) -> switch (name) {
            case "setString", "setObject" -> {
                parameters.put((Integer) args[0], args[1]);
                yield null;
            }
            case "execute" -> {
                run(sql, parameters);
                yield false;
            }
            case "executeQuery" -> query(sql);
            default -> null;
        });
    }

    private void run(String sql, Map<Integer, Object> parameters) {
        if (sql.equals(SqlServerWriteFreeze.WRITE_JOURNAL)) {
            journal = (String) parameters.get(1);
        } else if (sql.equals(SqlServerWriteFreeze.DROP_JOURNAL)) {
            journal = null;
        } else {
            statements.add(sql);
        }
    }

    private ResultSet query(String sql) throws SQLException {
        if (!sql.equals(SqlServerWriteFreeze.READ_JOURNAL)) {
            statements.add(sql);
        }
        if (sql.equals(failing)) {
            throw new SQLException("The query was canceled.", "HY008");
        }
        List<Object> rows = sql.equals(SqlServerWriteFreeze.READ_JOURNAL) && journal != null ? List.of(journal) : List.of();
        int[] at = {-1};
        return proxy(ResultSet.class, (name, args) -> switch (name) {
            case "next" -> ++at[0] < rows.size();
            case "getString", "getObject" -> rows.get(at[0]);
            case "getBoolean" -> false;
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws SQLException;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args)));
    }
}
