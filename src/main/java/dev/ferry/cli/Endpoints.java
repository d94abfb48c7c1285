package dev.ferry.cli;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that name the databases and the config file, declared once and mixed into each
 * command ({@code @Mixin}), so every {@code --help} says the same thing of them.
 */
final class Endpoints {
    private Endpoints() {
    }

    /** {@code --source}, required. */
    static final class Source {
        @Option(names = "--source", required = true, description = OptionText.SOURCE)
        String url;
    }

    /** {@code --target}, required. */
    static final class Target {
        @Option(names = "--target", required = true, description = OptionText.TARGET)
        String url;
    }

    /**
     * {@code --source} and {@code --target} for a command that also has subcommands of its own
     * (picocli would demand a parent's required options of its subcommands too): checked when the
     * command itself runs.
     */
    static final class SourceAndTargetOfParent {
        @Option(names = "--source", description = OptionText.SOURCE)
        String source;

        @Option(names = "--target", description = OptionText.TARGET)
        String target;

        /** Refuses a missing one by name. */
        SourceAndTargetOfParent required(String command) {
            if (source == null || target == null) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to run " + command + ": give --source and --target");
            }
            return this;
        }
    }

    /** {@code --config}, optional. */
    static final class Config {
        @Option(names = "--config", description = OptionText.CONFIG)
        Path file;
    }
}
