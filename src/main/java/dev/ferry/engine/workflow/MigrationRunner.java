package dev.ferry.engine.workflow;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.copy.CopyProgress;
import dev.ferry.engine.copy.CopyReport;
import dev.ferry.engine.journal.AdvisoryLock;
import dev.ferry.engine.journal.TargetLock;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.verify.ValidationReport;
import java.util.function.Consumer;

/**
 * Runs a migration in-process: the {@link MigrationWorkflow} on a {@link LocalWorkflowPort} over
 * the {@link MigrationActivities}, holding the target's run lock throughout. Every phase is in the
 * target's journal, so a re-run resumes where the last one stopped.
 */
public final class MigrationRunner {
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
        long started = System.nanoTime();
        try (AdvisoryLock lock = TargetLock.acquire(target.open());
             HikariDataSource sourcePool = source.pool(workers);
             HikariDataSource targetPool = target.pool(workers)) {
            MigrationActivities activities = new MigrationActivities(dialect, source.url(), config, options,
                    source.connections(sourcePool), target.connections(targetPool), progress, log);
            MigrationWorkflow.Outcome outcome;
            String[] runId = new String[1];
            try (LocalWorkflowPort port = new LocalWorkflowPort(workers, activities.byName(), s -> runId[0] = s.runId())) {
                outcome = new MigrationWorkflow().run(port, new MigrationWorkflow.Request(options.validate()));
            } catch (RuntimeException e) {
                if (runId[0] != null) {
                    activities.failed(runId[0], e.getMessage());
                }
                throw e;
            }
            String id = outcome.run().runId();
            return new Result(id, outcome.run().resumed(), activities.plan(),
                    activities.report(id, (System.nanoTime() - started) / 1e9), activities.postDataCreated(), outcome.validation());
        }
    }
}
