package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.cutover.CutoverRequests;
import dev.ferry.engine.source.JdbcConnector;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry rollback}: asks the running cutover to roll back now (writes made on the target go back to the source). */
@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Asks the running cutover's health window to roll back now.")
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    Endpoints.Target targetOption;

    @Override
    public Integer call() {
        try (Connection c = JdbcConnector.target(targetOption.url).open()) {
            CutoverRequests.requestOfRunningCutover(c, CutoverRequests.ROLLBACK);
            Console.line("Asked the running cutover to roll back");
            return 0;
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.ROLLBACK, "Unable to request the rollback", e);
        }
    }
}
