package dev.ferry.engine.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.drizzle.DrizzleSchemaGenerator;
import dev.ferry.engine.destination.DdlGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes pre-data.sql, post-data.sql, assessment.md, assessment.json and the Drizzle schema.ts into a directory. */
public final class PlanWriter {
    public static final String PRE_DATA = "pre-data.sql";
    public static final String POST_DATA = "post-data.sql";
    public static final String ASSESSMENT_MD = "assessment.md";
    public static final String ASSESSMENT_JSON = "assessment.json";
    public static final String DRIZZLE = "schema.ts";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanWriter() {
    }

    /** Writes the four files and returns their paths. */
    public static List<Path> write(MigrationPlan plan, Path dir) {
        try {
            Files.createDirectories(dir);
            Path pre = Files.writeString(dir.resolve(PRE_DATA), DdlGenerator.script(
                    "Pre-data: schemas, extensions, tables, defaults, identity. Run before the copy.", plan.preData()));
            Path post = Files.writeString(dir.resolve(POST_DATA), DdlGenerator.script(
                    "Post-data: primary keys, unique constraints, indexes, CHECKs, foreign keys, identity restarts. Run after the copy.",
                    plan.postData()));
            Path md = Files.writeString(dir.resolve(ASSESSMENT_MD), AssessmentMarkdown.render(plan.assessment()));
            Path json = dir.resolve(ASSESSMENT_JSON);
            JSON.writeValue(json.toFile(), plan.assessment());
            Path drizzle = Files.writeString(dir.resolve(DRIZZLE), new DrizzleSchemaGenerator().generate(plan.schema()));
            return List.of(pre, post, md, json, drizzle);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.IO, "Unable to write the plan to '" + dir + "': " + e.getMessage(), e);
        }
    }
}
