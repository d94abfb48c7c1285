package dev.ferry.engine.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes validation.json (docs/validation.md) and validation.md. */
public final class ValidationWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ValidationWriter() {
    }

    public static List<Path> write(ValidationReport report, Path dir) {
        return writeTo(report, dir.resolve("validation.json"));
    }

    /** Writes the JSON to {@code json} and the summary beside it with the extension .md. */
    public static List<Path> writeTo(ValidationReport report, Path json) {
        try {
            if (json.getParent() != null) {
                Files.createDirectories(json.getParent());
            }
            JSON.writeValue(json.toFile(), report);
            String name = json.getFileName().toString().replaceFirst("\\.json$", "") + ".md";
            Path md = Files.writeString(json.resolveSibling(name), "# Ferry validation\n\n```\n" + report.summary() + "```\n");
            return List.of(json, md);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write the validation report '" + json + "': " + e.getMessage(), e);
        }
    }
}
