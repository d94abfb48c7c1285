package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.config.ConfigLoader;
import dev.ferry.engine.cutover.CutoverLock;
import dev.ferry.engine.source.WriteFreeze;
import dev.ferry.engine.source.JdbcConnector;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.source.SourceDialects;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferry release}: lifts the write fence a cutover left on a database — the target after a
 * rollback, or the source after a completed cutover — giving the application back exactly the write
 * access the fence took. Refused while a cutover runs on that database.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Lifts Ferry's write fence on a database (the target after a rollback, the source after a cutover).")
final class ReleaseCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "JDBC URL of the fenced database; the password may come from "
            + JdbcConnector.TARGET_PASSWORD_ENV + ".")
    String url;

    @Mixin
    Endpoints.Config configOption;

    @Override
    public Integer call() {
        SourceDialect dialect = SourceDialects.forUrl(url);
        WriteFreeze fence = dialect.writeFreeze(ConfigLoader.load(configOption.file).freeze()).orElseThrow(() -> new FerryException(
                ErrorCode.CONFIGURATION, "Unable to release " + dialect.product() + ": Ferry never fences it"));
        try (Connection c = JdbcConnector.target(url).open()) {
            if (url.startsWith("jdbc:postgresql:") && CutoverLock.running(c)) {
                throw new FerryException(ErrorCode.CONCURRENT_RUN, "Unable to release the fence: a cutover is running on this database");
            }
            fence.unfreeze(c);
            Console.line("Released the write fence: the application's write access is restored");
            return 0;
        } catch (java.sql.SQLException e) {
            throw FerryException.fromSql(ErrorCode.CONNECTION, "Unable to connect to release the fence", e);
        }
    }
}
