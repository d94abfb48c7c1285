package dev.ferry.engine.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.ChunkCopier;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.copy.CopyReport;
import dev.ferry.engine.copy.CopyRunner;
import dev.ferry.engine.copy.TableCopySpec;
import dev.ferry.engine.journal.Journal;
import dev.ferry.engine.journal.Journal.Phase;
import dev.ferry.engine.journal.TargetLock;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.plan.ChunkPlanner;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.JdbcUrls;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.target.DdlGenerator;
import dev.ferry.engine.target.PostDataRunner;
import dev.ferry.engine.target.SchemaApplier;
import dev.ferry.engine.target.TargetTable;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.verify.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a migration in-process: plan, pre-data, chunk planning, parallel copy, post-data, and the
 * validation step, recording each phase in the target's journal so a re-run resumes where the last
 * one stopped. One run per target at a time.
 */
public final class MigrationRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcConnector source;
    private final JdbcConnector target;
    private final MigrationConfig config;
    private final MigrationOptions options;
    private final CopyProgress progress;
    private final Consumer<String> log;

    public MigrationRunner(JdbcConnector source, JdbcConnector target, MigrationConfig config, MigrationOptions options,
                           CopyProgress progress, Consumer<String> log) {
        this.source = source;
        this.target = target;
        this.config = config;
        this.options = options;
        this.progress = progress;
        this.log = log;
    }

    /**
     * What a finished run did.
     *
     * @param validation the hash-level validation, or null when skipped; a run whose validation
     *                   found a difference is not marked done
     */
    public record Result(String runId, boolean resumed, MigrationPlan plan, CopyReport report, int postDataCreated,
                         ValidationReport validation) {
        public boolean succeeded() {
            return validation == null || validation.parity();
        }
    }

    public Result run() {
        SourceDialect dialect = SourceDialects.forUrl(source.url());
        int workers = options.effectiveWorkers();
        try (TargetLock lock = TargetLock.acquire(target.open());
             HikariDataSource sourcePool = source.pool(workers);
             HikariDataSource targetPool = target.pool(workers)) {
            Supplier<Connection> src = source.connections(sourcePool);
            Supplier<Connection> tgt = target.connections(targetPool);
            MigrationPlan plan;
            try (Connection c = src.get()) {
                plan = new Planner(dialect, config).plan(c, source.url());
            }
            Journal.Run run;
            boolean resumed;
            try (Connection c = tgt.get()) {
                Journal.ensure(c);
                Optional<Journal.Run> previous = Journal.unfinished(c, fingerprint(plan));
                if (options.resume() && previous.isEmpty()) {
                    throw new FerryException(ErrorCode.CONFIGURATION, "Unable to resume: this target has no unfinished run "
                            + "of this source and schema");
                }
                resumed = previous.isPresent();
                run = previous.orElseGet(() -> Journal.start(c, fingerprint(plan), JdbcUrls.redact(source.url())));
            }
            log.accept((resumed ? "Resuming run " : "Started run ") + run.id() + " at phase " + run.phase());
            try {
                return execute(dialect, plan, run, resumed, src, tgt, workers);
            } catch (RuntimeException e) {
                try (Connection c = tgt.get()) {
                    Journal.failed(c, run.id(), e.getMessage());
                } catch (RuntimeException | SQLException ignored) {
                    // the target is unreachable; the run stays "running" and resumes all the same
                }
                throw e;
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to use a database connection", e);
        }
    }

    private Result execute(SourceDialect dialect, MigrationPlan plan, Journal.Run run, boolean resumed,
                           Supplier<Connection> src, Supplier<Connection> tgt, int workers) throws SQLException {
        long started = System.nanoTime();
        Phase phase = run.phase();
        if (phase.compareTo(Phase.SCHEMA) < 0) {
            try (Connection c = tgt.get()) {
                c.setAutoCommit(false);
                new SchemaApplier(c).applyInTransaction(plan.preData());
                Journal.phase(c, run.id(), Phase.SCHEMA);
                c.commit();
            }
            log.accept("Created the schema: " + plan.preData().size() + " pre-data statements");
        }
        Map<TableRef, TableCopySpec> specs = specs(dialect, plan);
        if (phase.compareTo(Phase.CHUNKS) < 0) {
            planChunks(dialect, plan, run, src, tgt);
        }
        if (phase.compareTo(Phase.COPIED) < 0) {
            copy(dialect, run, specs, src, tgt, workers);
            try (Connection c = tgt.get()) {
                Journal.phase(c, run.id(), Phase.COPIED);
            }
        }
        int created = 0;
        if (phase.compareTo(Phase.POST_DATA) < 0) {
            created = new PostDataRunner(tgt, workers, run.id()).run(new DdlGenerator().postDataPhases(plan.schema()));
            try (Connection c = tgt.get()) {
                Journal.phase(c, run.id(), Phase.POST_DATA);
            }
            log.accept("Created " + created + " post-data objects (unique constraints, indexes, CHECKs, foreign keys, identity restarts)");
        }
        ValidationReport validation = null;
        if (options.validate()) {
            log.accept("Validating every row of every table (hash level)");
            validation = new Validator(dialect, ValidationOptions.of(ValidationLevel.HASH, config.values())
                    .withParallelism(workers)).validate(plan.schema(), src, tgt, t -> true);
        }
        CopyReport report;
        try (Connection c = tgt.get()) {
            if (validation == null || validation.parity()) {
                Journal.phase(c, run.id(), validation == null ? Phase.DONE : Phase.VALIDATED);
                Journal.phase(c, run.id(), Phase.DONE);
            } else {
                Journal.failed(c, run.id(), "validation found differences");
            }
            report = report(c, run, plan, (System.nanoTime() - started) / 1e9);
        }
        return new Result(run.id().toString(), resumed, plan, report, created, validation);
    }

    private Map<TableRef, TableCopySpec> specs(SourceDialect dialect, MigrationPlan plan) {
        Map<TableRef, TableCopySpec> specs = new LinkedHashMap<>();
        boolean pg = dialect instanceof PostgresDialect && !options.rowCopy();
        for (TargetTable t : plan.schema().tables()) {
            Table s = plan.schema().source().table(t.source()).orElseThrow();
            specs.put(t.source(), new TableCopySpec(dialect, s, t, pg));
        }
        return specs;
    }

    private void planChunks(SourceDialect dialect, MigrationPlan plan, Journal.Run run, Supplier<Connection> src,
                            Supplier<Connection> tgt) throws SQLException {
        ChunkPlanner planner = new ChunkPlanner(dialect, options.chunkRows());
        List<ChunkPlanner.TableChunks> all = new ArrayList<>();
        try (Connection c = src.get()) {
            for (TargetTable t : plan.schema().tables()) {
                all.add(planner.plan(c, plan.schema().source().table(t.source()).orElseThrow()));
            }
        }
        try (Connection c = tgt.get()) {
            c.setAutoCommit(false);
            for (ChunkPlanner.TableChunks tc : all) {
                Journal.addChunks(c, run.id(), tc.chunks(), tc.rows(), options.chunkRows());
            }
            Journal.phase(c, run.id(), Phase.CHUNKS);
            c.commit();
        }
        log.accept("Planned " + all.stream().mapToInt(t -> t.chunks().size()).sum() + " chunks over "
                + all.stream().mapToLong(ChunkPlanner.TableChunks::rows).sum() + " rows");
    }

    private void copy(SourceDialect dialect, Journal.Run run, Map<TableRef, TableCopySpec> specs, Supplier<Connection> src,
                      Supplier<Connection> tgt, int workers) throws SQLException {
        List<Journal.Chunk> chunks;
        try (Connection c = tgt.get()) {
            chunks = Journal.chunks(c, run.id());
        }
        Map<TableRef, Long> planned = new LinkedHashMap<>();
        Map<TableRef, Long> done = new LinkedHashMap<>();
        for (Journal.Chunk ch : chunks) {
            planned.merge(ch.range().table(), ch.done() ? ch.rows() : ch.plannedRows(), Long::sum);
            done.merge(ch.range().table(), ch.done() ? ch.rows() : 0L, Long::sum);
        }
        List<CopyRunner.Task> tasks = chunks.stream().filter(ch -> !ch.done())
                .sorted(Comparator.comparingLong(Journal.Chunk::plannedRows).reversed())
                .map(ch -> new CopyRunner.Task(specs.get(ch.range().table()), ch.range())).toList();
        progress.started(planned, done);
        ChunkCopier copier = new ChunkCopier(dialect, src, tgt, config.values(), options.fetchSize(), run.id());
        new CopyRunner(copier, workers, options.maxAttempts(), progress, failed -> {
            try (Connection c = tgt.get()) {
                Journal.chunkFailed(c, run.id(), failed.chunk(), failed.error().getMessage());
            } catch (RuntimeException | SQLException ignored) {
                // the failure itself is what the caller reports
            }
        }).run(tasks);
        progress.finished();
    }

    private static CopyReport report(Connection c, Journal.Run run, MigrationPlan plan, double wall) {
        List<CopyReport.TableReport> tables = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        for (Journal.TableTotals t : Journal.totals(c, run.id())) {
            String target = plan.schema().tables().stream().filter(x -> x.source().equals(t.table())).findFirst()
                    .map(x -> x.ref().toString()).orElse("?");
            tables.add(new CopyReport.TableReport(t.table().toString(), target, t.rows(), t.bytes(), t.seconds(),
                    t.seconds() > 0 ? (long) (t.rows() / t.seconds()) : t.rows(), t.chunks(), t.attempts() - t.chunks(),
                    counts(t.replacedJson()), counts(t.roundedJson())));
            rows += t.rows();
            bytes += t.bytes();
        }
        return new CopyReport(run.id().toString(), wall, rows, bytes, tables);
    }

    private static Map<String, Long> counts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<java.util.TreeMap<String, Long>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same source, same tables, same converted schema: the same run. */
    static String fingerprint(MigrationPlan plan) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(plan.assessment().source().getBytes(StandardCharsets.UTF_8));
            plan.preData().forEach(s -> d.update(s.sql().getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
