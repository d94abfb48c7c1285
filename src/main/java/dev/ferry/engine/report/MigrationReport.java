package dev.ferry.engine.report;

import dev.ferry.engine.copy.CopyReport;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.model.Finding;
import dev.ferry.engine.plan.Assessment;
import dev.ferry.engine.verify.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one HTML report shows, each part absent when the command did not produce it: the
 * copy, the validation, the cutover and the plan's assessment. The verdict comes first.
 *
 * @param title   what ran, e.g. {@code ferry migrate}
 * @param seconds the command's total time, or a negative number when unknown
 */
public record MigrationReport(String title, Instant generatedAt, double seconds, CopyReport copy, ValidationReport validation,
                              CutoverResult cutover, Assessment assessment) {

    /** A label and a value, as shown in the verdict. */
    public record Fact(String label, String value) {
    }

    /** The first thing a reader sees: one headline, whether it is good news, and the figures behind it. */
    public record Verdict(String headline, boolean ok, List<Fact> facts) {
    }

    public Verdict verdict() {
        List<String> parts = new ArrayList<>();
        boolean ok = true;
        List<Fact> facts = new ArrayList<>();
        if (validation != null) {
            parts.add(validation.result().name());
            ok &= validation.parity();
            facts.add(new Fact("validation", validation.result() + " (" + validation.level() + ")"));
        }
        if (cutover != null) {
            parts.add(cutover.outcome() == CutoverResult.COMPLETED ? "CUTOVER COMPLETED"
                    : cutover.outcome() == CutoverResult.ROLLED_BACK ? "ROLLED BACK" : "CUTOVER NOT STARTED");
            ok &= cutover.outcome() == CutoverResult.COMPLETED;
            facts.add(new Fact("writes frozen", cutover.downtimeMillis() + " ms"));
            if (cutover.outcome() == CutoverResult.ROLLED_BACK) {
                facts.add(new Fact("rollback", cutover.rollbackDowntimeMillis() + " ms, " + cutover.writesBroughtBack()
                        + " target writes brought back"));
                if (!cutover.leftToSource().isEmpty()) {
                    facts.add(new Fact("left to the source", String.join("; ", cutover.leftToSource())));
                }
            }
        }
        if (copy != null) {
            facts.add(new Fact("rows copied", String.format("%,d", copy.rows())));
            facts.add(new Fact("copy", String.format("%.1f s, %,d rows/s", copy.wallSeconds(),
                    copy.wallSeconds() > 0 ? (long) (copy.rows() / copy.wallSeconds()) : copy.rows())));
            if (parts.isEmpty()) {
                parts.add("COPIED");
            }
        }
        if (seconds >= 0) {
            facts.add(new Fact("total time", String.format("%.1f s", seconds)));
        }
        if (assessment != null) {
            facts.add(new Fact("assessment", assessment.summary().warnings() + " warnings, " + assessment.summary().errors() + " errors"));
        }
        return new Verdict(parts.isEmpty() ? "NOTHING RAN" : String.join(" · ", parts), ok, facts);
    }

    /** Schema parity as "kind: found of expected", from validation, else from the assessment. */
    public List<Fact> schemaCounts() {
        List<Fact> out = new ArrayList<>();
        if (validation != null && validation.schema() != null) {
            validation.schema().counts().forEach((k, v) -> out.add(new Fact(k, v)));
        } else if (assessment != null) {
            Assessment.Summary s = assessment.summary();
            out.add(new Fact("primary keys", s.primaryKeys().text()));
            out.add(new Fact("unique constraints", s.uniqueConstraints().text()));
            out.add(new Fact("indexes", s.indexes().text()));
            out.add(new Fact("foreign keys", s.foreignKeys().text()));
            out.add(new Fact("checks", s.checks().text()));
        }
        return out;
    }

    /** The assessment's warnings and errors by category. */
    public Map<String, List<Finding>> findingsByKind() {
        Map<String, List<Finding>> out = new TreeMap<>();
        if (assessment != null) {
            for (Finding f : assessment.findings()) {
                if (f.severity() != Finding.Severity.INFO) {
                    out.computeIfAbsent(f.category().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return out;
    }

    public Charts.Bars throughput() {
        return copy == null ? Charts.Bars.EMPTY : Charts.throughput(copy);
    }

    public Charts.Spreads chunkDurations() {
        return copy == null ? Charts.Spreads.EMPTY : Charts.chunkDurations(copy);
    }

    public Charts.Timeline timeline() {
        return cutover == null ? Charts.Timeline.EMPTY : Charts.timeline(cutover.timeline());
    }
}
