package dev.ferry.engine.journal;

import java.sql.Connection;

/** One Ferry run per target at a time: the run's advisory lock, held for the whole run. */
public final class TargetLock {
    /** "FERRYRUN" as a number. */
    static final long KEY = 0x4645525259_52554EL & Long.MAX_VALUE;

    private TargetLock() {
    }

    /** Takes the lock on {@code connection} (which the lock then owns) or refuses, naming the holder. */
    public static AdvisoryLock acquire(Connection connection) {
        return AdvisoryLock.acquire(connection, KEY, "Unable to start: another Ferry run is working on this target. Wait for it "
                + "to finish, or stop it; a stopped run resumes where it left off");
    }
}
