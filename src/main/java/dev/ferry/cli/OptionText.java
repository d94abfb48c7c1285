package dev.ferry.cli;

/**
 * The descriptions of the options every command shares, in one place, so {@code --help} says the
 * same thing (where a password comes from) whichever command it is asked of.
 */
final class OptionText {
    static final String SOURCE = "Source JDBC URL: jdbc:sqlserver:, jdbc:postgresql: or jdbc:h2: (password from the URL or "
            + "FERRY_SOURCE_PASSWORD).";
    static final String TARGET = "Target PostgreSQL JDBC URL (password from the URL or FERRY_TARGET_PASSWORD).";
    static final String CONFIG = "Migration config file (YAML), the same for every command of one migration; see docs/configuration.md.";

    private OptionText() {
    }
}
