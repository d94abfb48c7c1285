package dev.ferry.engine.cutover;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.source.postgres.PostgresWriteFreeze;
import dev.ferry.engine.sync.ChangeCapture;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.convert.DdlGenerator;
import dev.ferry.engine.convert.DdlStatement;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The switch: preflight (sync lag, target healthy) → freeze writes on the source → apply the last
 * changes → quick check (row counts) → identities above the copied keys → capture writes on the
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
    private final ChangeCapture targetCapture = new PostgresChangeCapture();
    private final Supplier<Connection> source;
    private final Supplier<Connection> target;
    private final WriteFreeze sourceFreeze;
    private final WriteFreeze targetFreeze = new PostgresWriteFreeze();
    private final RoutingSwitch routing;
    private final String targetRouting;
    private final List<HealthProbe> probes;
    private final CutoverPolicy policy;
    private final Consumer<String> log;

    public CutoverRunner(TargetSchema forward, SourceDialect dialect, FreezeConfig freezeConfig, SyncRunner sync, Supplier<Connection> source,
                         Supplier<Connection> target, RoutingSwitch routing, String targetRouting, List<HealthProbe> probes,
                         CutoverPolicy policy, Consumer<String> log) {
        this.forward = forward;
        this.dialect = dialect;
        this.sync = sync;
        this.sourceCapture = dialect.changeCapture().orElseThrow(() -> new FerryException(ErrorCode.CONFIGURATION,
                "Unable to cut over from " + dialect.product() + ": Ferry cannot capture its changes"));
        this.sourceFreeze = dialect.writeFreeze(freezeConfig).orElseThrow(() -> new FerryException(ErrorCode.CONFIGURATION,
                "Unable to cut over from " + dialect.product() + ": Ferry cannot freeze its writes"));
        this.source = source;
        this.target = target;
        this.routing = routing;
        this.targetRouting = targetRouting;
        this.probes = probes;
        this.policy = policy;
        this.log = log;
    }

    /**
     * @param approved          whether an operator approved (polled during the window)
     * @param rollbackRequested whether an operator asked to roll back (polled during the window)
     */
    public CutoverResult run(BooleanSupplier approved, BooleanSupplier rollbackRequested) {
        var interrupted = withResult(writable(target, targetFreeze), CutoverState::read);
        if (interrupted.isPresent() && interrupted.get().phase().equals(CutoverState.SWITCHED)) {
            log.accept("A cutover was interrupted after routing moved: rolling it back, so nothing is lost");
            return rollBack("an earlier cutover was interrupted during its health window", 0,
                    interrupted.get().previousRouting(), interrupted.get().reversePosition());
        }
        ChangeCapture.Lag lag = sync.lag();
        if (lag.pending() > policy.maxPendingChanges()) {
            return aborted("the sync is " + lag.pending() + " changes behind (at most " + policy.maxPendingChanges() + ")");
        }
        for (HealthProbe p : probes) {
            HealthProbe.Result r = p.probe();
            if (!r.ok()) {
                return aborted("probe " + r.probe() + " fails before the switch: " + r.message());
            }
        }
        long frozeAt = System.nanoTime();
        withConnection(source, sourceFreeze::freeze);
        withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.FROZEN, null, 0)));
        log.accept("Froze writes on the source");
        sync.drain();
        String mismatch = countMismatch();
        if (mismatch != null) {
            withConnection(writable(source), sourceFreeze::unfreeze);
            withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.ABORTED, null, 0)));
            return aborted("after the last changes, " + mismatch + "; the source is writable again");
        }
        execute(target, new DdlGenerator().identityRestarts(forward));
        long reversePosition = withResult(target, c -> targetCapture.install(c, targetTables()));
        String previous = routing.current();
        // recorded before routing moves: from here on a re-run after a crash rolls back
        withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.SWITCHED, previous, reversePosition)));
        routing.switchTo(targetRouting);
        long downtime = (System.nanoTime() - frozeAt) / 1_000_000;
        log.accept("Switched routing to the target; writes were frozen for " + downtime + " ms");
        String failure = window(approved, rollbackRequested);
        if (failure == null) {
            withConnection(target, c -> targetCapture.remove(c));
            if (sourceFreeze.letsFerryWrite()) {
                withConnection(writable(source), c -> sourceCapture.remove(c));
            } else {
                log.accept("The source is read-only: its change capture stays until it is writable (ferry sync stop --remove)");
            }
            withConnection(target, c -> CutoverState.save(c, new CutoverState.State(CutoverState.DONE, previous, 0)));
            log.accept("Health window passed: cutover complete; the source stays read-only");
            return new CutoverResult(CutoverResult.COMPLETED, "health window passed", downtime, 0, 0, List.of());
        }
        log.accept("Rolling back: " + failure);
        return rollBack(failure, downtime, previous, reversePosition);
    }

    /** Probes until the deadline; returns why the window failed, or null. */
    private String window(BooleanSupplier approved, BooleanSupplier rollbackRequested) {
        long deadline = System.nanoTime() + policy.window().toNanos();
        List<HealthProbe.Result> results = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            if (rollbackRequested.getAsBoolean()) {
                return "an operator asked to roll back";
            }
            if (policy.requireApproval() && approved.getAsBoolean()) {
                return null;
            }
            for (HealthProbe p : probes) {
                results.add(p.probe());
            }
            String unhealthy = unhealthy(results);
            if (unhealthy != null) {
                return unhealthy;
            }
            sleep(Math.min(policy.probeEvery().toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        if (policy.requireApproval() && !approved.getAsBoolean()) {
            return "no approval before the end of the health window";
        }
        return null;
    }

    private String unhealthy(List<HealthProbe.Result> results) {
        if (results.isEmpty()) {
            return null;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        double rate = (double) failed / results.size();
        if (rate > policy.maxErrorRate()) {
            HealthProbe.Result last = results.stream().filter(r -> !r.ok()).reduce((a, b) -> b).orElseThrow();
            return String.format("%d of %d probes failed (last: %s: %s)", failed, results.size(), last.probe(), last.message());
        }
        long[] ms = results.stream().mapToLong(HealthProbe.Result::millis).sorted().toArray();
        long p95 = ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)];
        return p95 > policy.maxP95Millis() ? "probe latency p95 " + p95 + " ms is over " + policy.maxP95Millis() + " ms" : null;
    }

    private CutoverResult rollBack(String reason, long downtime, String previous, long reversePosition) {
        long started = System.nanoTime();
        withConnection(target, targetFreeze::freeze);
        Map<TableRef, List<String>> targetKeys = new HashMap<>();
        targetTables().forEach(t -> targetKeys.put(t.ref(), t.copyKey()));
        SourceWriteBack writeBack = new SourceWriteBack(forward, dialect, targetCapture, targetKeys);
        Supplier<Connection> writableSource = writable(source);
        if (!sourceFreeze.letsFerryWrite()) {
            log.accept("The source's freeze stops Ferry writing too: unfreezing it before the target's writes come back");
            withConnection(source, sourceFreeze::unfreeze);
        }
        long brought = writeBack.drain(writable(target, targetFreeze), writableSource);
        withConnection(writableSource, writeBack::raiseIdentities);
        if (sourceFreeze.letsFerryWrite()) {
            withConnection(writableSource, sourceFreeze::unfreeze);
        }
        routing.switchTo(previous);
        withConnection(writable(target, targetFreeze), c -> targetCapture.remove(c));
        withConnection(writable(target, targetFreeze), c -> CutoverState.save(c, new CutoverState.State(CutoverState.ROLLED_BACK,
                previous, 0)));
        withConnection(writable(target, targetFreeze), targetFreeze::unfreeze);
        long rollbackMs = (System.nanoTime() - started) / 1_000_000;
        log.accept("Rolled back in " + rollbackMs + " ms; " + brought + " target writes applied to the source");
        return new CutoverResult(CutoverResult.ROLLED_BACK, reason, downtime, rollbackMs, brought, List.of());
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
        return withResult(target, c -> new PostgresDialect().introspect(c).tables());
    }

    private String countMismatch() {
        for (TargetTable t : forward.tables()) {
            long s = count(source, dialect.rowCount(), dialect.qualified(t.source()));
            long g = count(target, "count(*)", DdlGenerator.q(t.schema()) + "." + DdlGenerator.q(t.name()));
            if (s != g) {
                return t.source() + " has " + s + " rows on the source and " + g + " on the target";
            }
        }
        return null;
    }

    private static long count(Supplier<Connection> side, String aggregate, String table) {
        return withResult(side, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + aggregate + " FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to count " + table, e);
            }
        });
    }

    private static void execute(Supplier<Connection> side, List<DdlStatement> statements) {
        withConnection(side, c -> {
            for (DdlStatement s : statements) {
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to restart " + s.object(), e);
                }
            }
        });
    }

    private static void withConnection(Supplier<Connection> side, Consumer<Connection> work) {
        withResult(side, c -> {
            work.accept(c);
            return null;
        });
    }

    private static <T> T withResult(Supplier<Connection> side, java.util.function.Function<Connection, T> work) {
        try (Connection c = side.get()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.apply(c);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to use a connection during the cutover", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.CUTOVER, "Interrupted during the health window", e);
        }
    }

    private CutoverResult aborted(String reason) {
        log.accept("Cutover not started: " + reason);
        return new CutoverResult(CutoverResult.ABORTED, reason, 0, 0, 0, List.of());
    }
}
