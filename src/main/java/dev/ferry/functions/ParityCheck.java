package dev.ferry.functions;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.verify.ParityLog;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.verify.ValidationLevel;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.workflow.ValidationRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The nightly parity check: source and target compared at hash level, differing rows rechecked
 * after a delay (the source still takes writes), the result stored in {@code ferry.parity_check},
 * counted in telemetry, and a mismatch raised as an alert (an error log line the Azure Monitor
 * alert in infra/ fires on, beside the metric); then, when app setting FERRY_PARITY_WORKLOAD holds
 * one, the application's workload on both sides ({@link WorkloadCheck}).
 */
public final class ParityCheck {
    public static final String SOURCE = "FERRY_PARITY_SOURCE";
    public static final String TARGET = "FERRY_PARITY_TARGET";
    public static final String CONFIG = "FERRY_PARITY_CONFIG";
    public static final String RECHECK_SECONDS = "FERRY_PARITY_RECHECK_SECONDS";

    private final Function<String, String> settings;
    private final Telemetry telemetry;
    private final Consumer<String> info;
    private final Consumer<String> alert;

    public ParityCheck(Function<String, String> settings, Telemetry telemetry, Consumer<String> info, Consumer<String> alert) {
        this.settings = settings;
        this.telemetry = telemetry;
        this.info = info;
        this.alert = alert;
    }

    public ValidationReport run() {
        String source = required(SOURCE);
        String target = required(TARGET);
        String yaml = settings.apply(CONFIG);
        MigrationConfig config = yaml == null || yaml.isBlank() ? MigrationConfig.defaults() : ConfigLoader.parse(yaml, CONFIG);
        long recheck = Long.parseLong(orDefault(RECHECK_SECONDS, "30"));
        JdbcConnector src = new JdbcConnector("source", source, settings.apply(JdbcConnector.SOURCE_PASSWORD_ENV));
        JdbcConnector tgt = new JdbcConnector("target", target, settings.apply(JdbcConnector.TARGET_PASSWORD_ENV));
        ValidationReport report = ValidationRunner.run(src, tgt, config,
                ValidationOptions.of(ValidationLevel.HASH, config.values()).withRecheckAfter(Duration.ofSeconds(recheck)), List.of());
        try (Connection c = tgt.open()) {
            ParityLog.record(c, report);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to record the parity check", e);
        }
        telemetry.parity(report);
        if (report.parity()) {
            info.accept("Ferry parity check: PARITY over " + report.tables().size() + " tables in " + report.seconds() + " s");
        } else {
            alert.accept("Ferry parity check: MISMATCH\n" + report.summary());
        }
        WorkloadCheck.run(settings, src, tgt, telemetry, info, alert);
        return report;
    }

    private String required(String name) {
        String v = settings.apply(name);
        if (v == null || v.isBlank()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run the parity check: app setting " + name + " is missing");
        }
        return v;
    }

    private String orDefault(String name, String fallback) {
        String v = settings.apply(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
