package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferry} command line. Exit codes come from {@link ErrorCode}, mapped here and nowhere else. */
@Command(name = "ferry", mixinStandardHelpOptions = true, version = "ferry 0.1.0",
        description = "Moves a SQL Server / Azure SQL database to PostgreSQL and proves nothing was lost.",
        subcommands = {PlanCommand.class, MigrateCommand.class, ValidateCommand.class, QueriesCommand.class, DrizzleCommand.class, SyncCommand.class, CutoverCommand.class, RollbackCommand.class, ReleaseCommand.class, DemoCommand.class, SampleCommand.class, CommandLine.HelpCommand.class})
public final class FerryCommand {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new FerryCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof FerryException fe) {
                commandLine.getErr().println("ferry: " + fe.getMessage());
                return fe.code().exitCode();
            }
            commandLine.getErr().println("ferry: unexpected error: " + e);
            return 70;
        });
        return cli.execute(args);
    }
}
