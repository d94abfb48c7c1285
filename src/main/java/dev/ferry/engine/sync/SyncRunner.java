package dev.ferry.engine.sync;

import dev.ferry.engine.source.Change;
import dev.ferry.engine.source.ChangeCapture;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.convert.TargetSchema;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The continuous sync: applies captured changes in ordered batches and reports the lag, until
 * asked to stop (by {@code ferry sync stop}, through {@code ferry.sync_state}). {@link #step} applies
 * one batch; {@link #drain} applies everything committed before it was called and then returns,
 * whether or not the application is still writing.
 */
public final class SyncRunner {
    private final ChangeCapture capture;
    private final DeltaApplier applier;
    private final Supplier<Connection> source;
    private final Supplier<Connection> target;
    private final String syncId;
    private final int batch;
    private final ValuePolicy policy;
    private volatile boolean ensured;

    public SyncRunner(ChangeCapture capture, SourceDialect dialect, TargetSchema schema, ValuePolicy policy,
                      Supplier<Connection> source, Supplier<Connection> target, String syncId, int batch) {
        // only the migrated tables: another application's tracked tables must not stop the sync (issue 14.7)
        this.capture = capture.scopedTo(schema.tables().stream().map(dev.ferry.engine.convert.TargetTable::source)
                .collect(java.util.stream.Collectors.toSet()));
        this.applier = new DeltaApplier(dialect, schema, policy);
        this.source = source;
        this.target = () -> writable(target.get());
        this.syncId = syncId;
        this.batch = batch;
        this.policy = policy;
    }

    public String syncId() {
        return syncId;
    }

    /** What the sync does with values PostgreSQL cannot store (the copy's policy). */
    public ValuePolicy policy() {
        return policy;
    }

    /**
     * The source tables {@code schema} migrates: what change capture is installed on, so a table the
     * config excludes is never tracked (issue 14.7).
     */
    public static List<dev.ferry.engine.model.Table> migratedTables(TargetSchema schema) {
        return schema.tables().stream().map(t -> schema.source().table(t.source()).orElseThrow()).toList();
    }

    /**
     * Starts capturing changes of {@code tables} for sync {@code syncId}: installs the capture
     * (idempotent) and, unless the sync already has a position, records where it starts. Run before
     * the bulk copy's snapshot, so every change after it is captured. Returns the sync's position.
     */
    public static long startCapture(ChangeCapture capture, Connection source, Connection target, List<dev.ferry.engine.model.Table> tables,
                                    String syncId) {
        long position = capture.install(source, tables);
        SyncState.ensure(target);
        if (SyncState.position(target, syncId).isEmpty()) {
            try {
                SyncState.save(target, syncId, position);
            } catch (java.sql.SQLException e) {
                throw FerryException.fromSql(ErrorCode.COPY, "Unable to record where sync '" + syncId + "' starts", e);
            }
        }
        return SyncState.position(target, syncId).getAsLong();
    }

    /** Applies one batch; returns how many changes it applied. */
    public int step() {
        return applyBatch().applied();
    }

    /**
     * Applies every change committed before the call; returns how many changes it applied.
     *
     * <p>Bounded: it reads the capture's {@linkplain ChangeCapture#head head} first and stops once a
     * batch reached it (or none is pending), so it ends even while the application keeps writing.
     * Changes committed during the drain may be applied as well, or are left for the next step; with
     * writes frozen, nothing is left pending. It never waits for writers to pause.
     */
    public long drain() {
        long head;
        try (Connection src = source.get()) {
            head = capture.head(src);
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the newest captured change", e);
        }
        long total = 0;
        for (Batch b = applyBatch(); b.applied() > 0; b = applyBatch()) {
            total += b.applied();
            if (b.lastPosition() >= head) {
                break;
            }
        }
        return total;
    }

    private Batch applyBatch() {
        try (Connection src = source.get(); Connection tgt = target.get()) {
            if (!ensured) {
                SyncState.ensure(tgt); // a target first synced by an older Ferry lacks ferry.sync_touched
                applier.requireKeys(tgt);
                ensured = true;
            }
            long position = SyncState.position(tgt, syncId).orElseThrow(() -> new FerryException(ErrorCode.CONFIGURATION,
                    "Unable to sync '" + syncId + "': it was never started"));
            List<Change> changes = capture.changesAfter(src, position, batch);
            if (changes.isEmpty()) {
                return new Batch(0, position);
            }
            long last = changes.get(changes.size() - 1).position();
            applier.apply(src, tgt, changes, syncId, last);
            // after the commit: a crash before this line replays the batch, which is idempotent
            capture.consumed(src, changes);
            return new Batch(changes.size(), last);
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to sync", e);
        }
    }

    /** Ferry's own target sessions write even while the target is fenced for the application (after a rollback). */
    private static Connection writable(Connection target) {
        try {
            return dev.ferry.engine.destination.PostgresTarget.writable(target);
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to open a writable target session", e);
        }
    }

    /** What one batch applied, and the position of its last change. */
    private record Batch(int applied, long lastPosition) {
    }

    /** The position applied so far. */
    public long position() {
        try (Connection tgt = target.get()) {
            return SyncState.position(tgt, syncId).orElse(0);
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the sync position", e);
        }
    }

    public ChangeCapture.Lag lag() {
        try (Connection src = source.get(); Connection tgt = target.get()) {
            return capture.lag(src, SyncState.position(tgt, syncId).orElse(0));
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to measure the lag", e);
        }
    }

    /** Syncs every {@code interval} until {@code stop} says so or a stop is requested in the target. */
    public void loop(Duration interval, BooleanSupplier stop, Consumer<ChangeCapture.Lag> report) {
        while (!stop.getAsBoolean() && !stopRequested()) {
            int applied = step();
            report.accept(lag());
            if (applied < batch) {
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean stopRequested() {
        try (Connection tgt = target.get()) {
            return SyncState.stopRequested(tgt, syncId);
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the sync state", e);
        }
    }
}
