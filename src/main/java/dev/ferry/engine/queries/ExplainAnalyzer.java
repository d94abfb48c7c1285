package dev.ferry.engine.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.destination.DdlGenerator;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} for a PostgreSQL query, with its parameters
 * bound, inside a transaction it rolls back, and summarizes the plan ({@link ExplainSummary}).
 */
public final class ExplainAnalyzer {
    /** A sequential scan reading at least this many rows (over all loops) is reported. */
    public static final long LARGE_SCAN_ROWS = 1_000;
    /** An estimate off by this factor or more is reported. */
    public static final int MISESTIMATE_FACTOR = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern IDENTIFIER = Pattern.compile("(?:(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\.)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)");
    private static final String COLUMNS = "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped";
    private static final String LEADING_INDEX = "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_attribute a "
            + "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = ?::regclass AND a.attname = ? LIMIT 1";

    private ExplainAnalyzer() {
    }

    /** Explains {@code sql} with {@code params} on {@code c} (the query runs; nothing it does is kept). */
    public static ExplainSummary explain(Connection c, String sql, List<Object> params) throws SQLException {
        JsonNode root = plan(c, sql, params);
        JsonNode top = root.get(0);
        List<ExplainSummary.SeqScan> scans = new ArrayList<>();
        List<ExplainSummary.Misestimate> misestimates = new ArrayList<>();
        walk(c, top.get("Plan"), List.of(), scans, misestimates);
        JsonNode plan = top.get("Plan");
        return new ExplainSummary(top.path("Execution Time").asDouble(), top.path("Planning Time").asDouble(),
                plan.path("Shared Hit Blocks").asLong(), plan.path("Shared Read Blocks").asLong(), scans, misestimates);
    }

    private static JsonNode plan(Connection c, String sql, List<Object> params) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = QueryExecutor.prepare(c, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return JSON.readTree(rs.getString(1));
        } catch (IOException e) {
            throw new SQLException("Unable to read the plan of EXPLAIN: " + e.getMessage(), e);
        } finally {
            c.rollback(); // EXPLAIN ANALYZE executes the statement
            c.setAutoCommit(auto);
        }
    }

    private static void walk(Connection c, JsonNode node, List<String> joinConditions, List<ExplainSummary.SeqScan> scans,
                             List<ExplainSummary.Misestimate> misestimates) throws SQLException {
        String type = node.path("Node Type").asText();
        String table = node.has("Relation Name") ? node.get("Relation Name").asText() : null;
        misestimate(node, type, table).ifPresent(misestimates::add);
        if ("Seq Scan".equals(type) && table != null) {
            long loops = Math.max(1, node.path("Actual Loops").asLong());
            long read = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()) * loops;
            if (read >= LARGE_SCAN_ROWS) {
                scans.add(seqScan(c, node, table, read, joinConditions));
            }
        }
        List<String> conditions = new ArrayList<>(joinConditions);
        for (String key : List.of("Hash Cond", "Merge Cond", "Join Filter")) {
            if (node.has(key)) {
                conditions.add(node.get(key).asText());
            }
        }
        for (JsonNode child : node.path("Plans")) {
            walk(c, child, conditions, scans, misestimates);
        }
    }

    private static java.util.Optional<ExplainSummary.Misestimate> misestimate(JsonNode node, String type, String table) {
        if (!node.has("Actual Rows") || node.path("Actual Loops").asLong() == 0) {
            return java.util.Optional.empty();
        }
        double planned = node.path("Plan Rows").asDouble();
        double actual = node.path("Actual Rows").asDouble();
        double ratio = Math.max(planned, 1) / Math.max(actual, 1);
        return ratio >= MISESTIMATE_FACTOR || 1 / ratio >= MISESTIMATE_FACTOR
                ? java.util.Optional.of(new ExplainSummary.Misestimate(type, table, planned, actual)) : java.util.Optional.empty();
    }

    private static ExplainSummary.SeqScan seqScan(Connection c, JsonNode node, String table, long read, List<String> joins)
            throws SQLException {
        String quoted = DdlGenerator.q(table);
        Set<String> known = columnsOf(c, quoted);
        String filter = node.has("Filter") ? node.get("Filter").asText() : null;
        String alias = node.path("Alias").asText(table);
        Set<String> used = new LinkedHashSet<>();
        if (filter != null) {
            used.addAll(columns(filter, null, known));
        }
        joins.forEach(j -> used.addAll(columns(j, alias, known)));
        List<String> cols = List.copyOf(used);
        if (cols.isEmpty()) {
            return new ExplainSummary.SeqScan(table, read, filter, cols, null, null);
        }
        String suggestion = "CREATE INDEX ON " + quoted + " (" + String.join(", ", cols.stream().map(DdlGenerator::q).toList()) + ")";
        return new ExplainSummary.SeqScan(table, read, filter, cols, suggestion, leadingIndex(c, quoted, cols.get(0)));
    }

    /**
     * The columns of {@code known} that {@code expression} names, in order; when {@code alias} is
     * given only those qualified by it (a join condition names both sides).
     */
    static List<String> columns(String expression, String alias, Set<String> known) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(LITERAL.matcher(expression).replaceAll("''"));
        while (m.find()) {
            String qualifier = m.group(1) == null ? null : unquote(m.group(1));
            String name = unquote(m.group(2));
            boolean typeName = m.start() >= 2 && expression.startsWith("::", m.start() - 2);
            if (!typeName && known.contains(name) && (alias == null || alias.equals(qualifier))) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private static String unquote(String id) {
        return id.startsWith("\"") ? id.substring(1, id.length() - 1).replace("\"\"", "\"") : id;
    }

    private static Set<String> columnsOf(Connection c, String quotedTable) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, quotedTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String leadingIndex(Connection c, String quotedTable, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LEADING_INDEX)) {
            ps.setString(1, quotedTable);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
