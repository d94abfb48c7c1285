package dev.ferry.engine.cutover;

import java.sql.Connection;

/**
 * Stops the application writing to a database and lets it write again. Ferry's own sessions can
 * still write (to apply changes back on rollback). One implementation per dialect.
 */
public interface WriteFreeze {
    /** New sessions become read-only and open ones are ended. */
    void freeze(Connection connection);

    void unfreeze(Connection connection);

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
