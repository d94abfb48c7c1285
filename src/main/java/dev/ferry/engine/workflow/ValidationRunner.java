package dev.ferry.engine.workflow;

import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.engine.plan.MigrationPlan;
import dev.ferry.engine.plan.Planner;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.verify.ValidationOptions;
import dev.ferry.engine.verify.ValidationReport;
import dev.ferry.engine.verify.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Validates a target against its source outside a migration ({@code ferry validate}, the nightly parity check). */
public final class ValidationRunner {
    private ValidationRunner() {
    }

    /**
     * @param tables source table names ({@code Account} or {@code dbo.Account}, any case) to compare; empty for all
     */
    public static ValidationReport run(JdbcConnector source, JdbcConnector target, MigrationConfig config,
                                       ValidationOptions options, List<String> tables) {
        SourceDialect dialect = SourceDialects.forUrl(source.url());
        int size = Math.max(2, options.parallelism() * 2);
        try (HikariDataSource sourcePool = source.pool(size); HikariDataSource targetPool = target.pool(size)) {
            Supplier<Connection> src = source.connections(sourcePool);
            Supplier<Connection> tgt = target.connections(targetPool);
            MigrationPlan plan;
            try (Connection c = src.get()) {
                plan = new Planner(dialect, config).plan(c, source.url());
            }
            Predicate<TargetTable> filter = filter(tables, plan);
            return new Validator(dialect, options).validate(plan.schema(), src, tgt, filter);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to use a database connection", e);
        }
    }

    private static Predicate<TargetTable> filter(List<String> tables, MigrationPlan plan) {
        if (tables.isEmpty()) {
            return t -> true;
        }
        List<String> wanted = tables.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String w : wanted) {
            boolean known = plan.schema().tables().stream().anyMatch(t -> matches(t, w));
            if (!known) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to validate table '" + w + "': the source has no such table");
            }
        }
        return t -> wanted.stream().anyMatch(w -> matches(t, w));
    }

    private static boolean matches(TargetTable t, String wanted) {
        return t.source().name().toLowerCase(Locale.ROOT).equals(wanted) || t.source().toString().toLowerCase(Locale.ROOT).equals(wanted);
    }

}
