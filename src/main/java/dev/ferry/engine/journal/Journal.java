package dev.ferry.engine.journal;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.TableRef;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The run journal in the target's {@code ferry} schema: runs, their tables, every chunk with its
 * range, status, rows, bytes, attempts, timings and last error, and the post-data steps done. A
 * chunk's rows and its "done" mark commit in one target transaction, which is what makes a copy
 * exactly-once across crashes and retries.
 */
public final class Journal {
    static final String SCHEMA = """
            CREATE SCHEMA IF NOT EXISTS ferry;
            CREATE TABLE IF NOT EXISTS ferry.run (
                run_id uuid PRIMARY KEY,
                fingerprint text NOT NULL,
                source text NOT NULL,
                phase text NOT NULL,
                status text NOT NULL,
                started_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                last_error text);
            CREATE TABLE IF NOT EXISTS ferry.chunk (
                run_id uuid NOT NULL REFERENCES ferry.run ON DELETE CASCADE,
                source_table text NOT NULL,
                chunk_no integer NOT NULL,
                lower_bound text[],
                upper_bound text[],
                planned_rows bigint,
                status text NOT NULL DEFAULT 'pending',
                rows bigint,
                bytes bigint,
                attempts integer NOT NULL DEFAULT 0,
                started_at timestamptz,
                finished_at timestamptz,
                seconds double precision,
                replaced jsonb,
                rounded jsonb,
                last_error text,
                PRIMARY KEY (run_id, source_table, chunk_no));
            CREATE TABLE IF NOT EXISTS ferry.step (
                run_id uuid NOT NULL REFERENCES ferry.run ON DELETE CASCADE,
                step text NOT NULL,
                finished_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (run_id, step));
            """;

    /** Run phases in order. */
    public enum Phase { STARTED, SCHEMA, CHUNKS, COPIED, POST_DATA, VALIDATED, DONE }

    /** A run row. */
    public record Run(UUID id, String fingerprint, Phase phase, RunStatus status) {
    }

    /** A chunk row as the copy needs it. */
    public record Chunk(ChunkRange range, ChunkStatus status, int attempts, long plannedRows, long rows) {
        public boolean done() {
            return status == ChunkStatus.DONE;
        }
    }

    private Journal() {
    }

    public static void ensure(Connection c) {
        run(c, "create the journal schema 'ferry'", SCHEMA);
    }

    public static Optional<Run> unfinished(Connection c, String fingerprint) {
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, fingerprint, phase, status FROM ferry.run "
                + "WHERE fingerprint = ? AND status <> ? ORDER BY started_at DESC LIMIT 1")) {
            ps.setString(1, fingerprint);
            ps.setString(2, RunStatus.DONE.stored());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Run(rs.getObject(1, UUID.class), rs.getString(2),
                        Phase.valueOf(rs.getString(3)), RunStatus.read(rs.getString(4)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the journal", e);
        }
    }

    /**
     * The chunk size a run's chunks were planned with, read from a table split into several chunks
     * (its first chunk's planned rows); empty when no table was split.
     */
    public static java.util.OptionalLong plannedChunkRows(Connection c, UUID run) {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(c0.planned_rows) FROM ferry.chunk c0 WHERE c0.run_id = ? "
                + "AND c0.chunk_no = 0 AND EXISTS (SELECT 1 FROM ferry.chunk c1 WHERE c1.run_id = c0.run_id "
                + "AND c1.source_table = c0.source_table AND c1.chunk_no = 1)")) {
            ps.setObject(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(n);
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the journal", e);
        }
    }

    public static Run start(Connection c, String fingerprint, String redactedSource) {
        UUID id = UUID.randomUUID();
        update(c, "start a run", "INSERT INTO ferry.run (run_id, fingerprint, source, phase, status) VALUES (?, ?, ?, ?, ?)",
                id, fingerprint, redactedSource, Phase.STARTED.name(), RunStatus.RUNNING.stored());
        return new Run(id, fingerprint, Phase.STARTED, RunStatus.RUNNING);
    }

    /** Sets the phase; callers put this in the same transaction as the work the phase stands for. */
    public static void phase(Connection c, UUID run, Phase phase) {
        update(c, "record phase " + phase, "UPDATE ferry.run SET phase = ?, status = ?, updated_at = now(), "
                + "finished_at = CASE WHEN ? THEN now() END WHERE run_id = ?",
                phase.name(), (phase == Phase.DONE ? RunStatus.DONE : RunStatus.RUNNING).stored(), phase == Phase.DONE, run);
    }

    public static void failed(Connection c, UUID run, String error) {
        update(c, "record the failure", "UPDATE ferry.run SET status = ?, last_error = ?, updated_at = now() WHERE run_id = ?",
                RunStatus.FAILED.stored(), error, run);
    }

    /** Records a table's chunks; {@code chunkRows} spreads the planned row count over them for progress. */
    public static void addChunks(Connection c, UUID run, List<ChunkRange> chunks, long tableRows, int chunkRows) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ferry.chunk (run_id, source_table, chunk_no, lower_bound, "
                + "upper_bound, planned_rows) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ChunkRange r : chunks) {
                ps.setObject(1, run);
                ps.setString(2, tableKey(r.table()));
                ps.setInt(3, r.number());
                ps.setArray(4, r.lower() == null ? null : c.createArrayOf("text", r.lower().toArray()));
                ps.setArray(5, r.upper() == null ? null : c.createArrayOf("text", r.upper().toArray()));
                long before = (long) r.number() * chunkRows;
                boolean last = r.number() == chunks.size() - 1;
                ps.setLong(6, Math.max(0, last ? tableRows - before : Math.min(chunkRows, tableRows - before)));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to record the chunks of a table", e);
        }
    }

    private static final String SELECT_CHUNKS = "SELECT source_table, chunk_no, lower_bound, upper_bound, status, attempts, "
            + "planned_rows, coalesce(rows, 0) FROM ferry.chunk WHERE run_id = ?";

    public static List<Chunk> chunks(Connection c, UUID run) {
        List<Chunk> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_CHUNKS + " ORDER BY source_table, chunk_no")) {
            ps.setObject(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(chunkAt(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the chunks of run " + run, e);
        }
    }

    private static Chunk chunkAt(ResultSet rs) throws SQLException {
        ChunkRange range = new ChunkRange(parseTable(rs.getString(1)), rs.getInt(2), list(rs.getArray(3)), list(rs.getArray(4)));
        return new Chunk(range, ChunkStatus.read(rs.getString(5)), rs.getInt(6), rs.getLong(7), rs.getLong(8));
    }

    /** The chunk's row alone (not every chunk of the run), locked until the transaction ends when {@code forUpdate}. */
    private static Optional<Chunk> oneChunk(Connection c, UUID run, TableRef table, int number, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_CHUNKS + " AND source_table = ? AND chunk_no = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, run);
            ps.setString(2, tableKey(table));
            ps.setInt(3, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(chunkAt(rs)) : Optional.empty();
            }
        }
    }

    /** One chunk of a run, by table and number. */
    public static Chunk chunk(Connection c, UUID run, TableRef table, int number) {
        try {
            return oneChunk(c, run, table, number, false).orElseThrow(() -> new FerryException(ErrorCode.COPY,
                    "Unable to find chunk " + number + " of " + table + " in run " + run));
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the chunks of run " + run, e);
        }
    }

    /**
     * Locks the chunk's row until the caller's transaction ends and reads it. A copy that finds its
     * chunk done writes nothing: a retry after a commit whose acknowledgement was lost, or a second
     * delivery of the same chunk, waits here for the first copy and then sees it done (issue 13's
     * review: with primary keys built after the load, no key would stop a second COPY of the rows).
     */
    public static Chunk lock(Connection c, UUID run, ChunkRange r) {
        try {
            return oneChunk(c, run, r.table(), r.number(), true).orElseThrow(() -> new FerryException(ErrorCode.COPY,
                    "Unable to copy " + r + ": the journal holds no chunk " + r.number() + " of table " + r.table()));
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to lock " + r + " in the journal", e);
        }
    }

    public static void attempt(Connection c, UUID run, ChunkRange r) {
        updateChunk(c, r, "record an attempt of " + r, "UPDATE ferry.chunk SET attempts = attempts + 1, started_at = coalesce(started_at, now()) "
                + "WHERE run_id = ? AND source_table = ? AND chunk_no = ?", run, tableKey(r.table()), r.number());
    }

    /** Marks a chunk done; called inside the chunk's copy transaction, which fails if the chunk already was. */
    public static void done(Connection c, UUID run, ChunkRange r, long rows, long bytes, double seconds, String replacedJson,
                            String roundedJson) {
        updateChunk(c, r, "mark " + r + " done", "UPDATE ferry.chunk SET status = ?, rows = ?, bytes = ?, seconds = ?, "
                + "finished_at = now(), replaced = ?::jsonb, rounded = ?::jsonb, last_error = NULL "
                + "WHERE run_id = ? AND source_table = ? AND chunk_no = ? AND status <> ?",
                ChunkStatus.DONE.stored(), rows, bytes, seconds, replacedJson, roundedJson, run, tableKey(r.table()), r.number(),
                ChunkStatus.DONE.stored());
    }

    public static void chunkFailed(Connection c, UUID run, ChunkRange r, String error) {
        updateChunk(c, r, "record the failure of " + r, "UPDATE ferry.chunk SET status = ?, last_error = ? "
                + "WHERE run_id = ? AND source_table = ? AND chunk_no = ?", ChunkStatus.FAILED.stored(), error, run, tableKey(r.table()), r.number());
    }

    /** Per table over every chunk of the run: rows, bytes, chunks, attempts, wall seconds, and value counters. */
    /**
     * One table's totals in a run; {@code chunkSeconds} is the distribution of its finished chunks'
     * durations: minimum, median, 90th percentile and maximum (empty before any chunk finished).
     */
    public record TableTotals(TableRef table, long rows, long bytes, int chunks, int attempts, double seconds,
                              String replacedJson, String roundedJson, List<Double> chunkSeconds) {
    }

    public static List<TableTotals> totals(Connection c, UUID run) {
        String sql = """
                SELECT source_table, sum(coalesce(rows, 0)), sum(coalesce(bytes, 0)), count(*), sum(attempts),
                       coalesce(extract(epoch FROM max(finished_at) - min(started_at)), 0),
                       (SELECT coalesce(jsonb_object_agg(k, total), '{}') FROM (SELECT k, sum(v::bigint) AS total
                            FROM ferry.chunk c2, jsonb_each_text(coalesce(c2.replaced, '{}')) AS e(k, v)
                            WHERE c2.run_id = c.run_id AND c2.source_table = c.source_table GROUP BY k) r),
                       (SELECT coalesce(jsonb_object_agg(k, total), '{}') FROM (SELECT k, sum(v::bigint) AS total
                            FROM ferry.chunk c2, jsonb_each_text(coalesce(c2.rounded, '{}')) AS e(k, v)
                            WHERE c2.run_id = c.run_id AND c2.source_table = c.source_table GROUP BY k) r),
                       percentile_cont(ARRAY[0, 0.5, 0.9, 1]::float8[]) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE seconds IS NOT NULL)
                FROM ferry.chunk c WHERE run_id = ? GROUP BY run_id, source_table ORDER BY source_table""";
        List<TableTotals> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Array spread = rs.getArray(9);
                    List<Double> chunkSeconds = spread == null ? List.of() : List.of((Double[]) spread.getArray());
                    out.add(new TableTotals(parseTable(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                            rs.getDouble(6), rs.getString(7), rs.getString(8), chunkSeconds));
                }
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the totals of run " + run, e);
        }
    }

    public static boolean stepDone(Connection c, UUID run, String step) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ferry.step WHERE run_id = ? AND step = ?")) {
            ps.setObject(1, run);
            ps.setString(2, step);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the journal", e);
        }
    }

    /** Records a finished step; callers put this in the same transaction as the step. */
    public static void step(Connection c, UUID run, String step) {
        update(c, "record step " + step, "INSERT INTO ferry.step (run_id, step) VALUES (?, ?)", run, step);
    }

    /** A table's key in the journal: its schema and name, each double-quoted (see {@link TableKeys}). */
    public static String tableKey(TableRef t) {
        return TableKeys.format(t);
    }

    /** Reads {@link #tableKey}, and the unquoted {@code schema.name} of journals written before it. */
    public static TableRef parseTable(String key) {
        return TableKeys.parse(key);
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? null : Arrays.asList((String[]) a.getArray());
    }

    /** Updates one chunk's row; a chunk the journal does not hold is an error, never a silent no-op. */
    private static void updateChunk(Connection c, ChunkRange r, String what, String sql, Object... params) {
        if (update(c, what, sql, params) != 1) {
            throw new FerryException(ErrorCode.COPY, "Unable to " + what + ": the journal holds no chunk " + r.number()
                    + " of table " + r.table() + " that is not done yet");
        }
    }

    private static void run(Connection c, String what, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to " + what, e);
        }
    }

    private static int update(Connection c, String what, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to " + what, e);
        }
    }
}
