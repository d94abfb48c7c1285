package dev.ferry.engine.convert;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which target names are taken in each PostgreSQL namespace and refuses a second
 * source object that would get the same name, naming both.
 */
final class NameRegistry {
    private final Map<String, String> owners = new HashMap<>();

    /**
     * @param namespace e.g. {@code relations of schema public} or {@code columns of public.Account}
     * @param source    the source object claiming the name, for the error message
     */
    void claim(String namespace, String targetName, String source) {
        String previous = owners.putIfAbsent(namespace + "\u0000" + targetName, source);
        if (previous != null && !previous.equals(source)) {
            throw new FerryException(ErrorCode.NAME_COLLISION, "Unable to name " + source + " '" + targetName
                    + "': " + previous + " has the same PostgreSQL name among the " + namespace
                    + ". Rename one of them on the source, or choose another name style.");
        }
    }
}
