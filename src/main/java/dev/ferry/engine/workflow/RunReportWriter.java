package dev.ferry.engine.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.copy.CopyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's copy report as report.json beside report.md. */
public final class RunReportWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RunReportWriter() {
    }

    public static List<Path> write(CopyReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("report.json");
            JSON.writeValue(json.toFile(), report);
            Path md = Files.writeString(dir.resolve("report.md"), "# Ferry copy report\n\nRun `" + report.runId()
                    + "`\n\n```\n" + report.summary() + "```\n");
            return List.of(json, md);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write the report to '" + dir + "': " + e.getMessage(), e);
        }
    }
}
