package dev.ferry.engine.cutover;

import dev.ferry.engine.source.WriteFreeze;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.destination.PostgresTarget;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.ChangeCapture;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.destination.DdlStatement;
import dev.ferry.engine.convert.TargetSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cutover's steps, each run as an activity of {@code CutoverWorkflow} (in-process by
 * {@code LocalCutover}, as Durable activities in Azure). The switch: preflight (sync lag, target
 * healthy) → freeze writes on the source → apply the last changes → quick check (row counts) →
 * identities above the copied keys and sequences at the source's last values → capture writes on the
 * target → switch routing (downtime measured from the freeze to here) → health window of probes.
 * A failing window, an operator's rollback, or no approval by the deadline when one is required,
 * rolls back: the target is frozen, its writes of the window are applied back to the source, the
 * source's identities are moved above them, the source is unfrozen and routing returns. Nothing
 * written on either side is lost. Any source whose dialect offers change capture and a write freeze
 * (PostgreSQL, H2, SQL Server); rollback maps target tables and columns back through the forward
 * schema, so renamed tables and columns come back under their source names.
 */
public final class CutoverRunner {
    private final TargetSchema forward;
    private final SourceDialect dialect;
    private final SyncRunner sync;
    private final ChangeCapture sourceCapture;
    private final ChangeCapture targetCapture = PostgresTarget.writeCapture();
    private final Supplier<Connection> source;
    private final Supplier<Connection> target;
    private final WriteFreeze sourceFreeze;
    private final WriteFreeze targetFreeze;
    private final RoutingSwitch routing;
    private final String targetRouting;
    private final List<HealthProbe> probes;
    private final CutoverPolicy policy;
    private final Consumer<String> log;
    private static final int SYNC_ROUND_BATCHES = 20;
    private java.util.function.LongConsumer downtimeObserver = ms -> { };

    public CutoverRunner(TargetSchema forward, SourceDialect dialect, FreezeConfig freezeConfig, SyncRunner sync, Supplier<Connection> source,
                         Supplier<Connection> target, RoutingSwitch routing, String targetRouting, List<HealthProbe> probes,
                         CutoverPolicy policy, Consumer<String> log) {
        this.forward = forward;
        this.dialect = dialect;
        this.sync = sync;
        this.sourceCapture = dialect.requireChangeCapture();
        this.sourceFreeze = dialect.writeFreeze(freezeConfig).orElseThrow(() -> new FerryException(ErrorCode.CONFIGURATION,
                "Unable to cut over from " + dialect.product() + ": Ferry cannot freeze its writes"));
        this.targetFreeze = PostgresTarget.fence(freezeConfig);
        this.source = source;
        // Ferry's own sessions on the target write even while it is fenced (after a rollback)
        this.target = writable(target, targetFreeze);
        this.routing = routing;
        this.targetRouting = targetRouting;
        this.probes = probes;
        this.policy = policy;
        this.log = log;
    }

    /** The cutover's policy: its thresholds and window. */
    public CutoverPolicy policy() {
        return policy;
    }

    /** Where the steps report what they do. */
    public Consumer<String> log() {
        return log;
    }

    /** Takes the target's cutover lock for an in-process run (refused while another cutover runs there). */
    public dev.ferry.engine.journal.AdvisoryLock lock() {
        return CutoverLock.acquire(target.get());
    }

    /** Applies pending changes, a bounded number of batches (writers may keep the sync from ever draining). */
    public CutoverSteps.SyncProgress syncRound() {
        long applied = 0;
        for (int i = 0; i < SYNC_ROUND_BATCHES; i++) {
            int n = sync.step();
            applied += n;
            if (n == 0) {
                break;
            }
        }
        ChangeCapture.Lag lag = sync.lag();
        return new CutoverSteps.SyncProgress(applied, lag.pending(), lag.seconds());
    }

    /**
     * Finds a cutover a crash interrupted, and otherwise checks the sync's lag and the probes. One
     * interrupted after routing moved must be rolled back; one interrupted while the source was
     * frozen (routing never moved) is undone here: the source is unfrozen and this attempt goes on.
     */
    public CutoverSteps.Preflight preflight() {
        var interrupted = Sides.withResult(target, CutoverState::read);
        if (interrupted.isPresent() && interrupted.get().phase() == CutoverState.SWITCHED) {
            log.accept("A cutover was interrupted after routing moved: rolling it back, so nothing is lost");
            return new CutoverSteps.Preflight(true, null, interrupted.get().previousRouting(), interrupted.get().reversePosition());
        }
        if (interrupted.isPresent() && interrupted.get().phase() == CutoverState.FROZEN) {
            Sides.withConnection(target, c -> targetCapture.remove(c));
            Sides.withConnection(writable(source), sourceFreeze::unfreeze);
            Sides.withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.ABORTED, null, 0)));
            log.accept("A cutover was interrupted before routing moved: the source is writable again; starting over");
        }
        var sourceFence = Sides.withResult(writable(source), sourceFreeze::cannotFreeze);
        if (sourceFence.isPresent()) {
            return abort("the source's write fence could not hold: " + sourceFence.get());
        }
        var targetFence = Sides.withResult(target, targetFreeze::cannotFreeze);
        if (targetFence.isPresent()) {
            return abort("the target's write fence (taken if the cutover rolls back) could not hold: " + targetFence.get());
        }
        ChangeCapture.Lag lag = sync.lag();
        if (lag.pending() > policy.maxPendingChanges()) {
            return abort("the sync is " + lag.pending() + " changes behind (at most " + policy.maxPendingChanges() + ")");
        }
        for (HealthProbe p : probes) {
            HealthProbe.Result r = p.probe();
            if (!r.ok()) {
                return abort("probe " + r.probe() + " fails before the switch: " + r.message());
            }
        }
        return new CutoverSteps.Preflight(false, null, null, 0);
    }

    /** Freeze, last changes, row counts, identities, reverse capture, routing; the downtime is measured here. */
    public CutoverSteps.Switched switchOver() {
        long frozeAt = System.nanoTime();
        List<TimelineEntry> steps = new ArrayList<>();
        Sides.withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.FROZEN, null, 0)));
        Sides.withConnection(source, sourceFreeze::freeze);
        steps.add(new TimelineEntry("writes frozen on the source", sinceMillis(frozeAt), true, "the application's sessions ended"));
        log.accept("Froze writes on the source");
        long applied = sync.drain();
        steps.add(new TimelineEntry("last changes applied", sinceMillis(frozeAt), true, applied + " changes"));
        String mismatch = new QuickCheck(forward, dialect, sync, source, target, log).mismatch();
        if (mismatch != null) {
            Sides.withConnection(writable(source), sourceFreeze::unfreeze);
            Sides.withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.ABORTED, null, 0)));
            String reason = "after the last changes, " + mismatch + "; the source is writable again";
            log.accept("Cutover not started: " + reason);
            steps.add(new TimelineEntry("quick check", sinceMillis(frozeAt), false, mismatch));
            return new CutoverSteps.Switched(false, reason, 0, null, 0, steps);
        }
        steps.add(new TimelineEntry("quick check", sinceMillis(frozeAt), true, "row counts and changed rows equal"));
        execute(target, new DdlGenerator().identityRestarts(forward));
        execute(target, new DdlGenerator().sequenceRestarts(forward, sourceSequenceValues()));
        long reversePosition = Sides.withResult(target, c -> targetCapture.install(c, targetTables()));
        String previous = routing.current();
        // recorded before routing moves: from here on a re-run after a crash rolls back
        Sides.withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.SWITCHED, previous, reversePosition)));
        // an earlier rollback left the target fenced: the application may write there from now on
        Sides.withConnection(target, targetFreeze::unfreeze);
        routing.switchTo(targetRouting);
        long downtime = sinceMillis(frozeAt);
        steps.add(new TimelineEntry("routing switched to the target", downtime, true, "writes were frozen " + downtime + " ms"));
        log.accept("Switched routing to the target; writes were frozen for " + downtime + " ms");
        downtimeObserver.accept(downtime);
        return new CutoverSteps.Switched(true, null, downtime, previous, reversePosition, steps);
    }

    /** The source's sequences' last values now that writes are frozen (issue 15.3); none read when none are migrated. */
    private Map<TableRef, Long> sourceSequenceValues() {
        Map<TableRef, Long> out = new HashMap<>();
        if (!forward.sequences().isEmpty()) {
            Sides.withResult(source, dialect::sequences).stream().filter(s -> s.lastValue() != null)
                    .forEach(s -> out.put(s.ref(), s.lastValue()));
        }
        return out;
    }

    private static long sinceMillis(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** One round of every probe. */
    public CutoverSteps.ProbeRound probeRound() {
        List<HealthProbe.Result> results = new ArrayList<>();
        for (HealthProbe p : probes) {
            results.add(p.probe());
        }
        return new CutoverSteps.ProbeRound(results);
    }

    /**
     * The window passed: the decision is recorded first (so a re-run never rolls back a completed
     * cutover), then the captures are removed; a removal that cannot finish under the application's
     * load is a warning with the command that finishes it, not a failed cutover. The source stays frozen.
     */
    public CutoverResult complete(CutoverSteps.CompleteOrder order) {
        Sides.withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.DONE, order.previousRouting(), 0)));
        List<String> warnings = new ArrayList<>();
        removeCapture("target", target, targetCapture, warnings);
        if (sourceFreeze.letsFerryWrite()) {
            removeCapture("source", writable(source), sourceCapture, warnings);
        } else {
            warnings.add("The source is read-only: its change capture stays until it is writable (ferry sync stop --remove)");
        }
        warnings.forEach(log);
        log.accept("Health window passed: cutover complete; the source stays read-only");
        return new CutoverResult(CutoverResult.COMPLETED, "health window passed", order.downtimeMillis(), 0, 0, List.of());
    }

    private void removeCapture(String side, Supplier<Connection> connections, ChangeCapture capture, List<String> warnings) {
        try {
            Sides.withConnection(connections, capture::remove);
        } catch (FerryException e) {
            warnings.add("Warning: the cutover is complete, but the change capture on the " + side + " could not be removed ("
                    + e.getMessage() + "); remove it later with: ferry sync stop --remove --source <" + side + " URL> --target <target URL>");
        }
    }

    /**
     * Rolls back: the target frozen, its writes of the window applied back to the source, the
     * source's identities raised above them, the source unfrozen, routing back, the target unfrozen.
     */
    public CutoverResult rollBack(CutoverSteps.RollbackOrder order) {
        log.accept("Rolling back: " + order.reason());
        long started = System.nanoTime();
        Sides.withConnection(target, targetFreeze::freeze);
        Map<TableRef, List<String>> targetKeys = new HashMap<>();
        targetTables().forEach(t -> targetKeys.put(t.ref(), t.copyKey()));
        SourceWriteBack writeBack = new SourceWriteBack(forward, dialect, targetCapture, targetKeys);
        Supplier<Connection> writableSource = writable(source);
        if (!sourceFreeze.letsFerryWrite()) {
            log.accept("The source's freeze stops Ferry writing too: unfreezing it before the target's writes come back");
            Sides.withConnection(source, sourceFreeze::unfreeze);
        }
        long brought = writeBack.drain(target, writableSource);
        List<String> leftToSource = writeBack.leftToSource();
        leftToSource.forEach(c -> log.accept("Left to the source (it computes the column itself, so the target's value was not written "
                + "back): " + c));
        Sides.withConnection(writableSource, writeBack::raiseIdentities);
        if (sourceFreeze.letsFerryWrite()) {
            Sides.withConnection(writableSource, sourceFreeze::unfreeze);
        }
        routing.switchTo(order.previousRouting());
        Sides.withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.ROLLED_BACK,
                order.previousRouting(), 0)));
        // the target stays fenced: a request that read the old routing fails loudly instead of stranding a write there
        List<String> warnings = new ArrayList<>();
        removeCapture("target", target, targetCapture, warnings);
        warnings.forEach(log);
        long rollbackMs = (System.nanoTime() - started) / 1_000_000;
        log.accept("Rolled back in " + rollbackMs + " ms; " + brought + " target writes applied to the source; the target stays "
                + "fenced until the next cutover switches to it, or: ferry release --url <target URL>");
        return new CutoverResult(CutoverResult.ROLLED_BACK, order.reason(), order.downtimeMillis(), rollbackMs, brought, List.of())
                .withLeftToSource(leftToSource);
    }

    /** Called with the measured downtime when routing switched (telemetry). */
    public CutoverRunner onDowntime(java.util.function.LongConsumer observer) {
        this.downtimeObserver = observer;
        return this;
    }

    /** Connections of Ferry's own to the source that may write whatever the freeze. */
    private Supplier<Connection> writable(Supplier<Connection> side) {
        return writable(side, sourceFreeze);
    }

    private static Supplier<Connection> writable(Supplier<Connection> side, WriteFreeze freeze) {
        return () -> {
            Connection c = side.get();
            freeze.allowWrites(c);
            return c;
        };
    }

    /** The target's tables as PostgreSQL reads them (their keys are what the reverse capture logs). */
    private List<Table> targetTables() {
        return Sides.withResult(target, c -> PostgresTarget.readBack(c).tables());
    }

    private static void execute(Supplier<Connection> side, List<DdlStatement> statements) {
        Sides.withConnection(side, c -> {
            for (DdlStatement s : statements) {
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to restart " + s.object(), e);
                }
            }
        });
    }

    private CutoverSteps.Preflight abort(String reason) {
        log.accept("Cutover not started: " + reason);
        return new CutoverSteps.Preflight(false, reason, null, 0);
    }
}
