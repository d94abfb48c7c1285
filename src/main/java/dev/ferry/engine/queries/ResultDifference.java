package dev.ferry.engine.queries;

/**
 * How two answers differ: what differs, and the first differing row of each side as
 * {@code column=value} pairs (null when that side has no such row or the columns differ).
 */
public record ResultDifference(String what, String sourceRow, String targetRow) {
    /** One line for a console or a report. */
    public String describe() {
        StringBuilder s = new StringBuilder(what);
        if (sourceRow != null) {
            s.append("; source: ").append(sourceRow);
        }
        if (targetRow != null) {
            s.append("; target: ").append(targetRow);
        }
        return s.toString();
    }
}
