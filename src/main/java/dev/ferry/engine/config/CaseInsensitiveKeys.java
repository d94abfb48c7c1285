package dev.ferry.engine.config;

import java.util.Map;
import java.util.TreeMap;

/** Config maps whose keys are names matched case-insensitively; two keys that differ only in case are refused. */
final class CaseInsensitiveKeys {
    private CaseInsensitiveKeys() {
    }

    static Map<String, String> copy(Map<String, String> map, String section) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (map != null) {
            for (Map.Entry<String, String> e : map.entrySet()) {
                String before = out.keySet().stream().filter(k -> k.equalsIgnoreCase(e.getKey())).findFirst().orElse(null);
                if (before != null) {
                    throw new IllegalArgumentException(section + ": keys '" + before + "' and '" + e.getKey()
                            + "' name the same object (names are matched case-insensitively); keep one");
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
