package dev.ferry.engine.destination;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts, per column, the values the copy replaced (by policy) or rounded (fractional seconds). */
public final class ValueCounters {
    private final Map<String, LongAdder> replaced = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rounded = new ConcurrentHashMap<>();

    void replaced(String column) {
        replaced.computeIfAbsent(column, c -> new LongAdder()).increment();
    }

    void rounded(String column) {
        rounded.computeIfAbsent(column, c -> new LongAdder()).increment();
    }

    public Map<String, Long> replaced() {
        return snapshot(replaced);
    }

    public Map<String, Long> rounded() {
        return snapshot(rounded);
    }

    void addAll(ValueCounters other) {
        other.replaced.forEach((k, v) -> replaced.computeIfAbsent(k, c -> new LongAdder()).add(v.sum()));
        other.rounded.forEach((k, v) -> rounded.computeIfAbsent(k, c -> new LongAdder()).add(v.sum()));
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
