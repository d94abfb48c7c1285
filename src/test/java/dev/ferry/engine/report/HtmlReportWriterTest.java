package dev.ferry.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.copy.CopyReport;
import dev.ferry.engine.cutover.CutoverResult;
import dev.ferry.engine.cutover.TimelineEntry;
import dev.ferry.engine.verify.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report page: verdict first, every untrusted name and value escaped, nothing that runs or fetches (issue 17). */
public class HtmlReportWriterTest {
    static final String HOSTILE_TABLE = "<script>document.title='pwned';fetch('http://exfil.invalid/x')</script>";
    static final String HOSTILE_KEY = "\"><img src=x onerror=\"document.title='pwned2'\">";

    /** A report whose names and values come from a hostile database. */
    public static MigrationReport hostile() {
        ValidationReport.TableResult t = new ValidationReport.TableResult(HOSTILE_TABLE, "public.t", ValidationReport.TableStatus.MISMATCH, 3, 3, 1, 1, 0, 0, 1, 0,
                false, List.of(new ValidationReport.RowDifference(ValidationReport.DifferenceKind.DIFFERENT, HOSTILE_KEY, List.of(
                        new ValidationReport.ColumnDifference("<b>col</b>", "a & b", "<svg onload=alert(1)>")))), List.of());
        ValidationReport v = new ValidationReport("HASH", ValidationReport.Verdict.MISMATCH, 1.5,
                new ValidationReport.SchemaResult(List.of("index <i>x</i> missing"), Map.of("indexes", "1 of 2")), List.of(t));
        CopyReport copy = new CopyReport("run", 2.0, 3, 300, List.of(new CopyReport.TableReport(HOSTILE_TABLE, "public.t", 3, 300, 1.0, 3,
                1, 0, Map.of(), Map.of(), List.of(0.1, 0.2, 0.3, 0.4))));
        CutoverResult cutover = new CutoverResult(CutoverResult.ROLLED_BACK, "probe <img src=y onerror=alert(2)> failed", 250, 900, 4,
                List.of(), List.of(new TimelineEntry("probe round 1", 1_000, false, "http /health <script>alert(3)</script>")));
        return new MigrationReport("ferry validate", Instant.parse("2026-11-29T12:00:00Z"), 3.0, copy, v, cutover, null);
    }

    @Test
    void everyNameAndValueIsTextAndThePageCanNeitherRunNorFetchAnything() {
        String html = HtmlReportWriter.render(hostile());
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg onload").doesNotContain("<b>col")
                .doesNotContain("<i>x");
        assertThat(html).contains("&lt;script&gt;document.title=").contains("&lt;img src=x onerror=").contains("a &amp; b");
        assertThat(html).as("no address the browser could fetch, but the escaped text").doesNotContainPattern("(src|href)=\"?https?:");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void theVerdictComesFirstAndSaysWhatHappened() {
        String html = HtmlReportWriter.render(hostile());
        assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("id=\"schema\"")).isLessThan(html.indexOf("id=\"copy\""))
                .isLessThan(html.indexOf("id=\"validation\"")).isLessThan(html.indexOf("id=\"cutover\""));
        assertThat(html).contains("MISMATCH · ROLLED BACK").contains("class=\"verdict bad\"").contains("1 of 2");
        MigrationReport.Verdict v = hostile().verdict();
        assertThat(v.ok()).isFalse();
        assertThat(v.facts()).extracting(MigrationReport.Fact::label).contains("writes frozen", "rollback", "rows copied", "total time");
    }

    @Test
    void chartsScaleToTheLargestValue() {
        CopyReport copy = new CopyReport("run", 2.0, 300, 0, List.of(
                new CopyReport.TableReport("a", "a", 100, 0, 1, 100, 1, 0, Map.of(), Map.of(), List.of(0.1, 0.2, 0.3, 0.4)),
                new CopyReport.TableReport("b", "b", 200, 0, 1, 400, 2, 0, Map.of(), Map.of(), List.of(0.2, 0.4, 0.6, 0.8))));
        Charts.Bars bars = Charts.throughput(copy);
        assertThat(bars.bars().get(1).length()).isEqualTo(4 * bars.bars().get(0).length());
        Charts.Spreads spreads = Charts.chunkDurations(copy);
        assertThat(spreads.rows().get(1).max()).isEqualTo(2 * spreads.rows().get(0).max());
        assertThat(spreads.rows().get(0).median()).isLessThan(spreads.rows().get(0).p90());
    }
}
