package dev.ferry.engine.report;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.report.templates.JtereportGenerated;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes report.html: one self-contained page (inline CSS and SVG, no script, no request of any
 * kind) from the precompiled template {@code src/main/jte/report.jte}. Every name and value comes
 * from a database and is untrusted: the template engine escapes each by its HTML context.
 */
public final class HtmlReportWriter {

    private HtmlReportWriter() {
    }

    /** The page as text. */
    public static String render(MigrationReport report) {
        StringOutput out = new StringOutput();
        // the template compiled by jte-maven-plugin, called directly: resolved by this class's own loader, like the model
        JtereportGenerated.render(new OwaspHtmlTemplateOutput(out), null, report);
        return out.toString();
    }

    /** Writes the page to {@code file} and returns its path. */
    public static Path write(MigrationReport report, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return Files.writeString(file, render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write the HTML report '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The page's place beside a JSON report: {@code validation.json} → {@code validation.html}. */
    public static Path beside(Path json) {
        String name = json.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return json.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".html");
    }
}
