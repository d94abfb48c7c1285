package dev.ferry.engine.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a {@link MigrationConfig} from YAML, refusing unknown fields and keys given twice by name. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // a key given twice is a mistake, not "the last one wins" (issue 12.8)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** Loads {@code file}, or returns the defaults when {@code file} is null. */
    public static MigrationConfig load(Path file) {
        if (file == null) {
            return MigrationConfig.defaults();
        }
        try {
            String text = Files.readString(file);
            return parse(text, file.toString());
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read config file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; {@code origin} names the source in error messages. */
    public static MigrationConfig parse(String yaml, String origin) {
        try {
            MigrationConfig config = YAML.readValue(yaml, MigrationConfig.class);
            return config == null ? MigrationConfig.defaults() : config;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new FerryException(ErrorCode.CONFIGURATION,
                    "Unable to read config '" + origin + "': field '" + field + "' " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to parse config '" + origin + "': " + e.getMessage(), e);
        }
    }
}
