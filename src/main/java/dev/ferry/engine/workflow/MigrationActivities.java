package dev.ferry.engine.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.ChunkCopier;
import dev.ferry.engine.copy.ChunkResult;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.copy.CopyReport;
import dev.ferry.engine.copy.CopyRunner;
import dev.ferry.engine.copy.TableCopySpec;
import dev.ferry.engine.journal.Journal;
import dev.ferry.engine.journal.Journal.Phase;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.plan.ChunkPlanner;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcUrls;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.destination.PostDataRunner;
import dev.ferry.engine.destination.SchemaApplier;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.verify.Validator;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkCopied;
import dev.ferry.engine.workflow.WorkflowMessages.ChunkTask;
import dev.ferry.engine.workflow.WorkflowMessages.RunFinished;
import dev.ferry.engine.workflow.WorkflowMessages.RunRef;
import dev.ferry.engine.workflow.WorkflowMessages.RunStarted;
import dev.ferry.engine.workflow.WorkflowMessages.TableTask;
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
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The migration's activities: the I/O behind each step the workflow decides. Each takes and
 * returns a small message; the plan is computed once per process from the source catalog and the
 * config, so any host running an activity sees the same plan.
 */
public final class MigrationActivities {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceDialect dialect;
    private final String sourceUrl;
    private final MigrationConfig config;
    private final MigrationOptions options;
    private final Supplier<Connection> source;
    private final Supplier<Connection> target;
    private final CopyProgress progress;
    private final Consumer<String> log;
    private MigrationPlan plan;
    private Map<TableRef, TableCopySpec> specs;
    private volatile int postDataCreated;
    private final java.util.concurrent.atomic.AtomicInteger tablePostDataCreated = new java.util.concurrent.atomic.AtomicInteger();

    public MigrationActivities(SourceDialect dialect, String sourceUrl, MigrationConfig config, MigrationOptions options,
                               Supplier<Connection> source, Supplier<Connection> target, CopyProgress progress, Consumer<String> log) {
        this.dialect = dialect;
        this.sourceUrl = sourceUrl;
        this.config = config;
        this.options = options;
        this.source = source;
        this.target = target;
        this.progress = progress;
        this.log = log;
    }

    /** The activities by name, for a runner to dispatch to. */
    public Map<String, Function<Object, Object>> byName() {
        Map<String, Function<Object, Object>> m = new LinkedHashMap<>();
        m.put(ActivityNames.START_RUN, in -> startRun());
        m.put(ActivityNames.COPY_CHUNK, in -> copyChunk((ChunkTask) in));
        m.put(ActivityNames.POST_DATA, in -> postData((RunRef) in));
        m.put(ActivityNames.TABLE_POST_DATA, in -> tablePostData((TableTask) in));
        m.put(ActivityNames.VALIDATE_SCHEMA, in -> validateSchema((RunRef) in));
        m.put(ActivityNames.VALIDATE_TABLE, in -> validateTable((TableTask) in));
        m.put(ActivityNames.FINISH_RUN, in -> finishRun((RunFinished) in));
        m.put(ActivityNames.SYNC_CAPTURE, in -> captureChanges());
        return m;
    }

    public synchronized MigrationPlan plan() {
        if (plan == null) {
            try (Connection c = source.get()) {
                plan = new Planner(dialect, config).plan(c, sourceUrl);
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the source catalog", e);
            }
            specs = new LinkedHashMap<>();
            boolean passThrough = dialect.copiesAsPostgresBinary() && !options.rowCopy();
            for (TargetTable t : plan.schema().tables()) {
                specs.put(t.source(), new TableCopySpec(dialect, plan.schema().source().table(t.source()).orElseThrow(), t, passThrough));
            }
        }
        return plan;
    }

    /** Refuses a target that is the source itself before anything is written to either (issue 12.9). */
    private void refuseSameDatabase() {
        try (Connection s = source.get(); Connection t = target.get()) {
            if (dialect.isSameDatabase(s, t)) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to migrate: the target is the same database as the "
                        + "source (" + JdbcUrls.redact(sourceUrl) + "); give a different database as --target");
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to compare the source and target databases", e);
        }
    }

    /** Starts change capture on the source for the default sync, before the copy; returns where it starts. */
    public Long captureChanges() {
        var capture = dialect.requireChangeCapture();
        refuseSameDatabase();
        try (Connection s = source.get(); Connection t = target.get()) {
            // the planned tables only: a table the config excludes is not tracked (issue 14.7)
            long position = dev.ferry.engine.sync.SyncRunner.startCapture(capture, s, t,
                    dev.ferry.engine.sync.SyncRunner.migratedTables(plan().schema()), dev.ferry.engine.sync.SyncState.DEFAULT_ID);
            log.accept("Capturing changes on the source from position " + position);
            return position;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to start change capture", e);
        }
    }

    /** Starts a run, or resumes the unfinished run of the same source and schema: pre-data and chunk plan, each once. */
    public RunStarted startRun() {
        refuseSameDatabase();
        MigrationPlan p = plan();
        Journal.Run run;
        boolean resumed;
        try (Connection c = target.get()) {
            Journal.ensure(c);
            var previous = Journal.unfinished(c, fingerprint(p));
            if (options.resume() && previous.isEmpty()) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to resume: this target has no unfinished run "
                        + "of this source and schema");
            }
            resumed = previous.isPresent();
            run = previous.orElseGet(() -> Journal.start(c, fingerprint(p), JdbcUrls.redact(sourceUrl)));
            log.accept((resumed ? "Resuming run " : "Started run ") + run.id() + " at phase " + run.phase());
            if (resumed && run.phase().compareTo(Phase.CHUNKS) >= 0) {
                UUID id = run.id();
                Journal.plannedChunkRows(c, id).stream().filter(n -> n != options.chunkRows()).forEach(n -> log.accept(
                        "Run " + id + " keeps the chunks it planned at " + n + " rows a chunk; --chunk-rows "
                        + options.chunkRows() + " applies to a new run only"));
            }
            if (run.phase().compareTo(Phase.SCHEMA) < 0) {
                c.setAutoCommit(false);
                new SchemaApplier(c).applyInTransaction(p.preData());
                Journal.phase(c, run.id(), Phase.SCHEMA);
                c.commit();
                log.accept("Created the schema: " + p.preData().size() + " pre-data statements");
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.DDL, "Unable to start the run", e);
        }
        if (run.phase().compareTo(Phase.CHUNKS) < 0) {
            planChunks(p, run.id());
        }
        return started(run.id(), resumed, p);
    }

    private void planChunks(MigrationPlan p, UUID run) {
        ChunkPlanner planner = new ChunkPlanner(dialect, options.chunkRows());
        List<ChunkPlanner.TableChunks> all = new ArrayList<>();
        try (Connection c = source.get()) {
            for (TargetTable t : p.schema().tables()) {
                all.add(planner.plan(c, p.schema().source().table(t.source()).orElseThrow()));
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to plan chunks", e);
        }
        try (Connection c = target.get()) {
            c.setAutoCommit(false);
            for (ChunkPlanner.TableChunks tc : all) {
                Journal.addChunks(c, run, tc.chunks(), tc.rows(), options.chunkRows());
            }
            Journal.phase(c, run, Phase.CHUNKS);
            c.commit();
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to record the chunks", e);
        }
        log.accept("Planned " + all.stream().mapToInt(t -> t.chunks().size()).sum() + " chunks over "
                + all.stream().mapToLong(ChunkPlanner.TableChunks::rows).sum() + " rows");
    }

    private RunStarted started(UUID run, boolean resumed, MigrationPlan p) {
        List<Journal.Chunk> chunks;
        try (Connection c = target.get()) {
            chunks = Journal.chunks(c, run);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the journal", e);
        }
        Map<TableRef, Long> planned = new LinkedHashMap<>();
        Map<TableRef, Long> done = new LinkedHashMap<>();
        for (Journal.Chunk ch : chunks) {
            planned.merge(ch.range().table(), ch.done() ? ch.rows() : ch.plannedRows(), Long::sum);
            done.merge(ch.range().table(), ch.done() ? ch.rows() : 0L, Long::sum);
        }
        progress.started(planned, done);
        List<ChunkTask> pending = chunks.stream().filter(ch -> !ch.done())
                .sorted(Comparator.comparingLong(Journal.Chunk::plannedRows).reversed())
                .map(ch -> new ChunkTask(run.toString(), Journal.tableKey(ch.range().table()), ch.range().number(), ch.plannedRows()))
                .toList();
        return new RunStarted(run.toString(), resumed, pending, done.values().stream().mapToLong(Long::longValue).sum(),
                planned.values().stream().mapToLong(Long::longValue).sum(), chunks.size(),
                p.schema().tables().stream().map(t -> Journal.tableKey(t.source())).toList());
    }

    public ChunkCopied copyChunk(ChunkTask task) {
        plan();
        UUID run = UUID.fromString(task.runId());
        TableRef table = Journal.parseTable(task.table());
        Journal.Chunk chunk;
        try (Connection c = target.get()) {
            chunk = Journal.chunk(c, run, table, task.chunk());
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the journal", e);
        }
        if (chunk.done()) {
            // delivered again (Durable runs an activity at least once): its rows committed with its journal mark
            return new ChunkCopied(task.table(), task.chunk(), chunk.rows(), 0);
        }
        ChunkCopier copier = new ChunkCopier(dialect, source, target, config.values(), options.fetchSize(), run);
        ChunkResult r = new CopyRunner(copier, options.maxAttempts(), progress, failed -> {
            try (Connection c = target.get()) {
                Journal.chunkFailed(c, run, failed.chunk(), failed.error().getMessage());
            } catch (RuntimeException | SQLException ignored) {
                // the failure itself is what the caller reports
            }
        }).copy(new CopyRunner.Task(specs.get(table), chunk.range()));
        return new ChunkCopied(task.table(), task.chunk(), r.rows(), r.bytes());
    }

    /**
     * A copied table's own post-data (primary key, unique constraints, indexes, CHECKs), while other
     * tables may still be copying; each statement commits with its journal step, so {@link #postData}
     * and a resumed run skip it.
     */
    public Integer tablePostData(TableTask task) {
        UUID run = UUID.fromString(task.runId());
        TableRef source = Journal.parseTable(task.table());
        TargetTable table = plan().schema().tables().stream().filter(t -> t.source().equals(source)).findFirst().orElseThrow();
        // one statement at a time: this activity's thread holds no connection, so with the copies in
        // flight the target pool (one connection per worker) is never asked for more than it has
        int created = new PostDataRunner(target, 1, run)
                .run(List.of(new DdlGenerator().tablePostData(table)));
        tablePostDataCreated.addAndGet(created);
        log.accept("Created " + created + " post-data objects of " + table.ref());
        return created;
    }

    /** Whatever post-data is left once every table is copied: foreign keys, identity restarts, and any table's own not yet created. */
    public Integer postData(RunRef ref) {
        progress.finished();
        UUID run = UUID.fromString(ref.runId());
        phase(run, Phase.COPIED);
        int created = new PostDataRunner(target, options.effectiveWorkers(), run).run(new DdlGenerator().postDataPhases(plan().schema()))
                + tablePostDataCreated.get();
        phase(run, Phase.POST_DATA);
        postDataCreated = created;
        log.accept("Created " + created + " post-data objects (primary keys, unique constraints, indexes, CHECKs, foreign keys, "
                + "identity and sequence restarts, views)");
        return created;
    }

    public ValidationReport.SchemaResult validateSchema(RunRef ref) {
        log.accept("Validating the schema and every row of every table (hash level)");
        return validator().validateSchema(plan().schema(), target);
    }

    public ValidationReport.TableResult validateTable(TableTask task) {
        TableRef source = Journal.parseTable(task.table());
        TargetTable table = plan().schema().tables().stream().filter(t -> t.source().equals(source)).findFirst().orElseThrow();
        return validator().validateTable(plan().schema(), table, this.source, target);
    }

    private Validator validator() {
        return new Validator(dialect, ValidationOptions.of(ValidationLevel.HASH, config.values()));
    }

    public Boolean finishRun(RunFinished finished) {
        UUID run = UUID.fromString(finished.runId());
        try (Connection c = target.get()) {
            if (finished.succeeded()) {
                Journal.phase(c, run, Phase.DONE);
            } else {
                Journal.failed(c, run, "validation found differences");
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to finish run " + run, e);
        }
        return finished.succeeded();
    }

    /** Records a failure of the run, if the target can still be reached. */
    public void failed(String runId, String message) {
        try (Connection c = target.get()) {
            Journal.failed(c, UUID.fromString(runId), message);
        } catch (RuntimeException | SQLException ignored) {
            // the target is unreachable; the run stays "running" and resumes all the same
        }
    }

    int postDataCreated() {
        return postDataCreated;
    }

    /** The copy report of a run, from the journal (so resumed chunks count too). */
    public CopyReport report(String runId, double wallSeconds) {
        try (Connection c = target.get()) {
            List<CopyReport.TableReport> tables = new ArrayList<>();
            long rows = 0;
            long bytes = 0;
            for (Journal.TableTotals t : Journal.totals(c, UUID.fromString(runId))) {
                String tgt = plan().schema().tables().stream().filter(x -> x.source().equals(t.table())).findFirst()
                        .map(x -> x.ref().toString()).orElse("?");
                tables.add(new CopyReport.TableReport(t.table().toString(), tgt, t.rows(), t.bytes(), t.seconds(),
                        t.seconds() > 0 ? (long) (t.rows() / t.seconds()) : t.rows(), t.chunks(), t.attempts() - t.chunks(),
                        counts(t.replacedJson()), counts(t.roundedJson()), t.chunkSeconds()));
                rows += t.rows();
                bytes += t.bytes();
            }
            return new CopyReport(runId, wallSeconds, rows, bytes, tables);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to read the report of run " + runId, e);
        }
    }

    private void phase(UUID run, Phase phase) {
        try (Connection c = target.get()) {
            Journal.phase(c, run, phase);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.COPY, "Unable to record phase " + phase, e);
        }
    }

    private static Map<String, Long> counts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<java.util.TreeMap<String, Long>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same source, same converted schema: the same run. */
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
