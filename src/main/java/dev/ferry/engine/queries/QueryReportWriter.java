package dev.ferry.engine.queries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the workload's report as JSON and, beside it, as Markdown (docs/queries.md). */
public final class QueryReportWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private QueryReportWriter() {
    }

    /** Writes the JSON to {@code json} and the Markdown beside it with the extension .md. */
    public static List<Path> writeTo(QueryReport report, Path json) {
        try {
            if (json.getParent() != null) {
                Files.createDirectories(json.getParent());
            }
            JSON.writeValue(json.toFile(), report);
            String name = json.getFileName().toString().replaceFirst("\\.json$", "") + ".md";
            Path md = Files.writeString(json.resolveSibling(name), markdown(report));
            return List.of(json, md);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write the query report '" + json + "': " + e.getMessage(), e);
        }
    }

    /** The report as Markdown: verdict, one table row per query, then each problem. */
    public static String markdown(QueryReport report) {
        StringBuilder s = new StringBuilder("# Ferry query parity\n\n**").append(report.verdict()).append("**: ")
                .append(report.queries().size()).append(" queries, ").append(report.runs()).append(" timed runs of each parameter set per side, ")
                .append(report.seconds()).append(" s.\n\n")
                .append("| query | status | rows | source p50 | source p95 | source max | target p50 | target p95 | target max | target/source | budget |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (QueryOutcome q : report.queries()) {
            s.append("| ").append(cell(q.name())).append(" | ").append(q.status()).append(" | ").append(q.rows()).append(" | ").append(stats(q.source())).append(" | ")
                    .append(stats(q.target())).append(" | ").append(q.ratio() == 0 ? "-" : q.ratio() + "×").append(" | ")
                    .append(q.budgetMillis()).append(" ms |\n");
        }
        for (QueryOutcome q : report.queries()) {
            if (q.status() != QueryStatus.PASS) {
                s.append("\n## ").append(q.name()).append(": ").append(q.status()).append("\n\n");
                problem(s, q);
            }
        }
        return s.toString();
    }

    private static void problem(StringBuilder s, QueryOutcome q) {
        switch (q.status()) {
            case FAILED -> s.append("```\n").append(q.failure()).append("\n```\n");
            case DIFFERENT -> {
                s.append(q.difference().what()).append("\n\n");
                s.append("- source: `").append(q.difference().sourceRow() == null ? "(none)" : q.difference().sourceRow()).append("`\n");
                s.append("- target: `").append(q.difference().targetRow() == null ? "(none)" : q.difference().targetRow()).append("`\n");
            }
            case OVER_BUDGET -> {
                s.append("Target p95 ").append(q.target().p95Millis()).append(" ms, budget ").append(q.budgetMillis()).append(" ms.\n\n");
                if (q.explain() != null) {
                    q.explain().lines().forEach(l -> s.append("- ").append(l).append('\n'));
                }
            }
            case PASS -> { }
        }
    }

    private static String stats(LatencyStats l) {
        return l == null ? "- | - | -" : String.format(Locale.ROOT, "%.1f ms | %.1f ms | %.1f ms", l.p50Millis(), l.p95Millis(), l.maxMillis());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
