package dev.ferry.sample;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.queries.Workload;
import dev.ferry.engine.queries.WorkloadLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Kitchen Pantry CRM's dashboard and list queries as a workload (T-SQL and PostgreSQL), for
 * {@code ferry demo} and as an example of the format (docs/queries.md).
 */
public final class SampleWorkload {
    public static final String RESOURCE = "/sample/kitchen-pantry-workload.yaml";

    private SampleWorkload() {
    }

    /** The workload file's text. */
    public static String yaml() {
        try (InputStream in = SampleWorkload.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FerryException(ErrorCode.CONFIGURATION, "Unable to find " + RESOURCE + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static Workload load() {
        return WorkloadLoader.parse(yaml(), RESOURCE);
    }
}
