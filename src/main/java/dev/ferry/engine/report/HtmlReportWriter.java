package dev.ferry.engine.report;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
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
    /** The package jte-maven-plugin compiles the templates into (pom.xml). */
    static final String TEMPLATE_PACKAGE = "dev.ferry.engine.report.templates";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReportWriter.class.getClassLoader(), TEMPLATE_PACKAGE);

    private HtmlReportWriter() {
    }

    /** The page as text. */
    public static String render(MigrationReport report) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("report.jte", report, out);
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
