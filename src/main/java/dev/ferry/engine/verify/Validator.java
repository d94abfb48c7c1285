package dev.ferry.engine.verify;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.Threads;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.verify.ValidationReport.TableResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Proves the target holds what the source holds: schema parity, then each table compared at the
 * chosen level, several tables at once with both sides of a table read concurrently.
 */
public final class Validator {
    private final SourceDialect dialect;
    private final ValidationOptions options;

    public Validator(SourceDialect dialect, ValidationOptions options) {
        this.dialect = dialect;
        this.options = options;
    }

    /** Schema parity alone (one workflow activity). */
    public ValidationReport.SchemaResult validateSchema(TargetSchema schema, Supplier<Connection> target) {
        try (Connection c = target.get()) {
            return SchemaValidator.validate(schema, c);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the target schema", e);
        }
    }

    /** One table alone (one workflow activity), both sides read at once. */
    public TableResult validateTable(TargetSchema schema, TargetTable table, Supplier<Connection> source, Supplier<Connection> target) {
        ExecutorService sides = Threads.daemonPool("ferry-validate-source", 1);
        try {
            Table s = schema.source().table(table.source()).orElseThrow();
            return new TableValidator(options, source, target, sides)
                    .validate(new ComparedTable(dialect, s, table, options.policy()), dialect.rowCount());
        } finally {
            sides.shutdownNow();
        }
    }

    /**
     * @param tables which tables to compare (the {@code --tables} filter); schema parity covers all
     */
    public ValidationReport validate(TargetSchema schema, Supplier<Connection> source, Supplier<Connection> target,
                                     Predicate<TargetTable> tables) {
        long started = System.nanoTime();
        ValidationReport.SchemaResult schemaResult;
        try (Connection c = target.get()) {
            schemaResult = SchemaValidator.validate(schema, c);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to read the target schema", e);
        }
        ExecutorService pool = Threads.daemonPool("ferry-validate", options.parallelism());
        ExecutorService sides = Threads.daemonPool("ferry-validate-source", options.parallelism());
        try {
            TableValidator validator = new TableValidator(options, source, target, sides);
            List<Future<TableResult>> futures = new ArrayList<>();
            for (TargetTable t : schema.tables()) {
                if (tables.test(t)) {
                    Table s = schema.source().table(t.source()).orElseThrow();
                    ComparedTable compared = new ComparedTable(dialect, s, t, options.policy());
                    futures.add(pool.submit(() -> validator.validate(compared, dialect.rowCount())));
                }
            }
            List<TableResult> results = new ArrayList<>();
            for (Future<TableResult> f : futures) {
                results.add(f.get());
            }
            return ValidationReport.of(options.level(), (System.nanoTime() - started) / 1e9, schemaResult, results);
        } catch (ExecutionException e) {
            throw Threads.unwrap(e, ErrorCode.CONNECTION, "validate");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ErrorCode.CONNECTION, "Validation interrupted", e);
        } finally {
            pool.shutdownNow();
            sides.shutdownNow();
        }
    }
}
