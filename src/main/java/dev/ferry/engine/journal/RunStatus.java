package dev.ferry.engine.journal;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;

import java.util.Locale;

/** A run's state in the journal, stored as its lower-case name. */
public enum RunStatus {
    /** Started and not finished; a later run with the same fingerprint resumes it. */
    RUNNING,
    /** Stopped by an error; resumable like a running one. */
    FAILED,
    /** Every phase finished. */
    DONE;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus read(String stored) {
        for (RunStatus s : values()) {
            if (s.stored().equals(stored)) {
                return s;
            }
        }
        throw new FerryException(ErrorCode.COPY, "Unable to read a run of the journal: unknown status '" + stored + "'");
    }
}
