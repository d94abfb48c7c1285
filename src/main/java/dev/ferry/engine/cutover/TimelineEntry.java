package dev.ferry.engine.cutover;

/**
 * One moment of a cutover, for its report: the step, when it happened (milliseconds after the
 * cutover started, on the workflow's clock; a switch's own steps after the freeze, measured), whether
 * it went well, and what a person needs to know of it.
 */
public record TimelineEntry(String step, long atMillis, boolean ok, String detail) {
    /** This entry moved {@code millis} later. */
    public TimelineEntry after(long millis) {
        return new TimelineEntry(step, atMillis + millis, ok, detail);
    }
}
