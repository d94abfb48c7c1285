package dev.ferry.engine.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a cutover's result as JSON: outcome, reason, downtime (freeze to routing switched),
 * rollback time and the number of target writes brought back. No routing value or URL is in it.
 */
public final class CutoverReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CutoverReportWriter() {
    }

    public static Path write(CutoverResult result, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write the cutover report '" + file + "': " + e.getMessage(), e);
        }
    }
}
