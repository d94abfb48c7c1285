package dev.ferry.functions;

import dev.ferry.functions.routing.RoutingSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.CutoverRunner;
import dev.ferry.engine.cutover.CutoverState;
import dev.ferry.engine.cutover.CutoverSteps;
import dev.ferry.engine.cutover.HealthProbe;
import dev.ferry.engine.cutover.HttpProbe;
import dev.ferry.engine.cutover.RoutingSwitch;
import dev.ferry.engine.cutover.SqlProbe;
import dev.ferry.engine.cutover.WorkloadProbe;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.sync.SyncRunner;
import dev.ferry.engine.sync.SyncState;
import dev.ferry.functions.routing.RoutingSwitches;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.workflow.ActivityNames;
import dev.ferry.engine.workflow.MigrationActivities;
import dev.ferry.engine.workflow.MigrationOptions;
import dev.ferry.engine.workflow.WorkflowMessages;
import dev.ferry.functions.arm.FlexibleServerProvisioner;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs one activity of a migration from its serialized envelope: finds (or creates, once per
 * function host) the migration's connection pools and {@link MigrationActivities}, turns the
 * payload into the activity's message type, and runs it.
 */
public final class ActivityDispatcher {
    /** App setting: {@code entra} to sign in to PostgreSQL with the app's Entra ID identity instead of a password. */
    public static final String TARGET_AUTH = "FERRY_TARGET_AUTH";
    /** App setting (Key Vault reference): the password of the server administrator created by provisioning. */
    public static final String ADMIN_PASSWORD = "FERRY_ADMIN_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActivityDispatcher SHARED = new ActivityDispatcher(System::getenv, line -> { }, Telemetry.global());

    private final Map<MigrationRequest, Host> hosts = new ConcurrentHashMap<>();
    private final Map<MigrationRequest, CutoverRunner> cutovers = new ConcurrentHashMap<>();
    private final java.util.function.Function<String, String> settings;
    private final Consumer<String> log;
    private final Telemetry telemetry;
    private final java.util.function.Function<RoutingSpec, RoutingSwitch> routing;

    /**
     * @param settings app settings by name (passwords: FERRY_SOURCE_PASSWORD, FERRY_TARGET_PASSWORD)
     */
    public ActivityDispatcher(java.util.function.Function<String, String> settings, Consumer<String> log, Telemetry telemetry) {
        this(settings, log, telemetry, spec -> RoutingSwitches.create(spec, new DefaultAzureCredentialBuilder().build()));
    }

    /** @param routing how a request's routing section becomes the switch (Azure, or a stand-in in tests) */
    ActivityDispatcher(java.util.function.Function<String, String> settings, Consumer<String> log, Telemetry telemetry,
                       java.util.function.Function<RoutingSpec, RoutingSwitch> routing) {
        this.settings = settings;
        this.log = log;
        this.telemetry = telemetry;
        this.routing = routing;
    }

    /** A migration's connection pools, plan and activities in this host. */
    private record Host(MigrationActivities activities, SourceDialect dialect, MigrationConfig config, Supplier<Connection> source,
                        Supplier<Connection> target) {
    }

    public static ActivityDispatcher shared() {
        return SHARED;
    }

    /** Runs activity {@code name} with the envelope {@code json}; returns the activity's result message. */
    public Object run(String name, String json) {
        ActivityEnvelope envelope;
        try {
            envelope = JSON.readValue(json, ActivityEnvelope.class);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read the input of activity " + name + ": " + e.getMessage(), e);
        }
        Class<?> type = ActivityNames.INPUT_TYPES.get(name);
        if (type == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run activity '" + name + "': no such activity");
        }
        Object input = JSON.convertValue(envelope.payload(), type);
        MigrationRequest migration = envelope.migration().validated();
        if (name.startsWith("Provision")) {
            return provision(name, migration);
        }
        if (name.equals(ActivityNames.CUTOVER_SWITCH) || name.equals(ActivityNames.CUTOVER_ROLLBACK)) {
            var again = recordedAlready(name, migration, input);
            if (again.isPresent()) {
                return again.get();
            }
        }
        if (name.startsWith("Cutover") || name.equals(ActivityNames.SYNC_ROUND)) {
            return dev.ferry.engine.workflow.LocalCutover.activities(cutover(name, migration)).get(name).apply(input);
        }
        Object result = host(migration).activities().byName().get(name).apply(input);
        if (result instanceof dev.ferry.engine.verify.ValidationReport.TableResult table) {
            telemetry.table(table);
        }
        return result;
    }

    /**
     * Durable runs an activity at least once. A cutover step delivered again after its host died finds
     * its own end recorded in the cutover state, which at that moment only this step can have left (the
     * switch writes SWITCHED over an earlier state the preflight has dealt with; a rollback runs only after
     * this cutover's switch): SWITCHED for CutoverSwitch, ROLLED_BACK for CutoverRollback. It answers from
     * the record instead of running again — a second switch froze again and took the target's routing for
     * the previous one, a second rollback failed on the capture the first had removed. (CutoverComplete
     * runs again harmlessly.) The switch sets routing again (idempotent), in case the host died
     * between the record and the switch; figures measured by the first run (downtime of a switch, rollback
     * time, writes brought back) are reported as 0.
     */
    private java.util.Optional<Object> recordedAlready(String name, MigrationRequest m, Object input) {
        if (m.cutover() == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<CutoverState.State> state;
        try (Connection c = host(m).target().get()) {
            state = CutoverState.read(c);
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read the cutover state", e);
        }
        CutoverState.Phase phase = state.map(CutoverState.State::phase).orElse(null);
        java.util.Optional<Object> answer = switch (name) {
            case ActivityNames.CUTOVER_SWITCH -> phase == CutoverState.SWITCHED
                    ? java.util.Optional.of(new CutoverSteps.Switched(true, null, 0, state.get().previousRouting(),
                    state.get().reversePosition(), List.of()))
                    : java.util.Optional.empty();
            default -> phase == CutoverState.ROLLED_BACK
                    ? java.util.Optional.of(new CutoverResult(CutoverResult.ROLLED_BACK, ((CutoverSteps.RollbackOrder) input).reason(),
                    ((CutoverSteps.RollbackOrder) input).downtimeMillis(), 0, 0, List.of()))
                    : java.util.Optional.empty();
        };
        if (answer.isPresent()) {
            if (name.equals(ActivityNames.CUTOVER_SWITCH)) {
                CutoverSpec spec = m.cutover();
                routing.apply(spec.routing()).switchTo(spec.routingValue() != null ? spec.routingValue() : m.target());
            }
            log.accept(name + " delivered again: its end is already recorded (" + phase + "); answering from the record");
        }
        return answer;
    }

    /** The target server's provisioning steps, through ARM with the app's identity. */
    private Object provision(String name, MigrationRequest m) {
        if (m.provision() == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run " + name + ": the request has no 'provision' section");
        }
        ProvisionSpec p = m.provision();
        FlexibleServerProvisioner arm = FlexibleServerProvisioner.connect(new DefaultAzureCredentialBuilder().build(),
                new AzureProfile(p.tenantId(), p.subscriptionId(), AzureEnvironment.AZURE), null, java.time.Duration.ofSeconds(10));
        FlexibleServerProvisioner.Progress progress = switch (name) {
            case ActivityNames.PROVISION_START -> arm.start(p.server(), () -> settings.apply(ADMIN_PASSWORD));
            case ActivityNames.PROVISION_POLL -> arm.poll(p.server());
            default -> {
                arm.configure(p.server());
                yield null;
            }
        };
        return progress == null ? Boolean.TRUE : new WorkflowMessages.ProvisionProgress(progress.state(), progress.ready(), progress.fqdn());
    }

    private Host host(MigrationRequest m) {
        return hosts.computeIfAbsent(m, this::create);
    }

    /** The sync and cutover steps of a request with a cutover section, over the migration's pools and plan. */
    private CutoverRunner cutover(String activity, MigrationRequest m) {
        if (m.cutover() == null) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run " + activity + ": the request has no 'cutover' section");
        }
        return cutovers.computeIfAbsent(m, r -> {
            Host h = host(r);
            CutoverSpec spec = r.cutover();
            var capture = h.dialect().requireChangeCapture();
            TargetSchema schema = h.activities().plan().schema();
            SyncRunner sync = new SyncRunner(capture, h.dialect(), schema, h.config().values(), h.source(), h.target(),
                    SyncState.DEFAULT_ID, 1_000);
            List<HealthProbe> probes = new ArrayList<>();
            probes.add(new SqlProbe(h.target(), spec.probeSql() == null ? "SELECT 1" : spec.probeSql()));
            spec.probes().forEach(u -> probes.add(new HttpProbe(URI.create(u))));
            if (spec.probeWorkload() != null && !spec.probeWorkload().isBlank()) {
                probes.add(new WorkloadProbe(h.target(), spec.workload()));
            }
            return new CutoverRunner(schema, h.dialect(), h.config().freeze(), sync, h.source(), h.target(), routing.apply(spec.routing()),
                    spec.routingValue() != null ? spec.routingValue() : r.target(), probes, spec.policy(h.config().cutover()), log)
                    .onDowntime(telemetry::downtime);
        });
    }

    private Host create(MigrationRequest m) {
        MigrationOptions defaults = MigrationOptions.defaults();
        MigrationOptions options = new MigrationOptions(m.workers() == null ? defaults.workers() : m.workers(),
                m.chunkRows() == null ? defaults.chunkRows() : m.chunkRows(), defaults.fetchSize(), defaults.maxTargetConnections(),
                defaults.maxAttempts(), false, m.validates(), false);
        JdbcConnector source = new JdbcConnector("source", m.source(), settings.apply(JdbcConnector.SOURCE_PASSWORD_ENV));
        JdbcConnector target = "entra".equalsIgnoreCase(settings.apply(TARGET_AUTH))
                ? new JdbcConnector("target", m.target(), EntraPostgresToken.defaultCredential(), EntraPostgresToken.POOL_REFRESH)
                : new JdbcConnector("target", m.target(), settings.apply(JdbcConnector.TARGET_PASSWORD_ENV));
        MigrationConfig config = m.config() == null ? MigrationConfig.defaults() : ConfigLoader.parse(m.config(), "the request's config");
        HikariDataSource sourcePool = source.pool(options.effectiveWorkers());
        HikariDataSource targetPool = target.pool(options.effectiveWorkers());
        SourceDialect dialect = SourceDialects.forUrl(m.source());
        Supplier<Connection> sources = source.connections(sourcePool);
        Supplier<Connection> targets = target.connections(targetPool);
        return new Host(new MigrationActivities(dialect, m.source(), config, options, sources, targets, new TelemetryProgress(telemetry), log),
                dialect, config, sources, targets);
    }
}
