package dev.ferry.engine.source;

import java.sql.Connection;

/**
 * Stops the application writing to a database and lets it write again. Ferry's own sessions can
 * still write (to apply changes back on rollback). One implementation per dialect.
 */
public interface WriteFreeze {
    /**
     * The application can no longer write: its write access is taken away (recorded, so that
     * {@link #unfreeze} restores exactly what was taken, even after a crash) and its open sessions
     * are ended. Ferry's own sessions keep writing.
     */
    void freeze(Connection connection);

    /** Gives the application back exactly the write access {@link #freeze} took; does nothing when not frozen. */
    void unfreeze(Connection connection);

    /**
     * Why a freeze could not hold on this database (a role no fence stops, Ferry's role depending on
     * a grant the fence takes away), or empty. The cutover's preflight refuses to start on it.
     */
    default java.util.Optional<String> cannotFreeze(Connection connection) {
        return java.util.Optional.empty();
    }

    /** Makes this (Ferry's) session writable whatever the database default. */
    void allowWrites(Connection connection);

    /**
     * Whether Ferry's sessions can write while frozen. When not (a database made read-only as a
     * whole), a rollback has to unfreeze the source before it brings the target's writes back.
     */
    default boolean letsFerryWrite() {
        return true;
    }
}
