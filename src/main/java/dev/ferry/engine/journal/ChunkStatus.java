package dev.ferry.engine.journal;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;

import java.util.Locale;

/** A chunk's state in the journal, stored as its lower-case name. */
public enum ChunkStatus {
    /** Planned and not yet copied (or its copy rolled back). */
    PENDING,
    /** Its rows and this mark committed in one target transaction. */
    DONE,
    /** The last attempt failed; the chunk is copied again on resume. */
    FAILED;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChunkStatus read(String stored) {
        for (ChunkStatus s : values()) {
            if (s.stored().equals(stored)) {
                return s;
            }
        }
        throw new FerryException(ErrorCode.COPY, "Unable to read a chunk of the journal: unknown status '" + stored + "'");
    }
}
