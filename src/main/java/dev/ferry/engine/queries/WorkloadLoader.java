package dev.ferry.engine.queries;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a workload file (YAML): unknown fields, keys given twice, a query without a name or text,
 * two queries of one name and a budget below 1 ms are refused by name.
 */
public final class WorkloadLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private WorkloadLoader() {
    }

    record File(List<Entry> queries) {
        @JsonCreator
        File(@JsonProperty("queries") List<Entry> queries) {
            this.queries = queries;
        }
    }

    record Entry(String name, String sql, String source, String target, List<List<Object>> params, Boolean ordered, Long budgetMillis) {
        @JsonCreator
        Entry(@JsonProperty("name") String name, @JsonProperty("sql") String sql, @JsonProperty("source") String source,
              @JsonProperty("target") String target, @JsonProperty("params") List<List<Object>> params,
              @JsonProperty("ordered") Boolean ordered, @JsonProperty("budgetMillis") Long budgetMillis) {
            this.name = name;
            this.sql = sql;
            this.source = source;
            this.target = target;
            this.params = params;
            this.ordered = ordered;
            this.budgetMillis = budgetMillis;
        }
    }

    /** Loads the workload file {@code file}. */
    public static Workload load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read workload file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Parses workload YAML; {@code origin} names it in messages. */
    public static Workload parse(String yaml, String origin) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new FerryException(ErrorCode.CONFIGURATION,
                    "Unable to read workload '" + origin + "': field '" + field + "' " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to parse workload '" + origin + "': " + e.getMessage(), e);
        }
        if (file == null || file.queries() == null || file.queries().isEmpty()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read workload '" + origin + "': it lists no queries");
        }
        List<WorkloadQuery> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < file.queries().size(); i++) {
            WorkloadQuery q = query(file.queries().get(i), origin, i);
            if (!names.add(q.name().toLowerCase(Locale.ROOT))) {
                throw invalid(origin, "queries[" + i + "].name", "'" + q.name() + "' is given twice");
            }
            out.add(q);
        }
        return new Workload(out);
    }

    private static WorkloadQuery query(Entry e, String origin, int index) {
        String at = "queries[" + index + "]";
        if (e == null || blank(e.name())) {
            throw invalid(origin, at + ".name", "is missing");
        }
        String where = "query '" + e.name() + "'";
        if (!blank(e.sql()) && (!blank(e.source()) || !blank(e.target()))) {
            throw invalid(origin, where, "gives 'sql' and 'source'/'target': give one text, or one per side");
        }
        if (blank(e.sql()) && (blank(e.source()) || blank(e.target()))) {
            throw invalid(origin, where, "needs 'sql' (portable) or both 'source' and 'target'");
        }
        if (e.budgetMillis() != null && e.budgetMillis() < 1) {
            throw invalid(origin, where + ".budgetMillis", "must be at least 1");
        }
        if (e.params() != null && e.params().stream().anyMatch(p -> p == null)) {
            throw invalid(origin, where + ".params", "holds an empty parameter set: give [] for none");
        }
        return new WorkloadQuery(e.name().trim(), blank(e.sql()) ? e.source().strip() : e.sql().strip(),
                blank(e.sql()) ? e.target().strip() : e.sql().strip(), e.params(), Boolean.TRUE.equals(e.ordered()),
                e.budgetMillis() == null ? WorkloadQuery.DEFAULT_BUDGET_MILLIS : e.budgetMillis());
    }

    private static FerryException invalid(String origin, String field, String problem) {
        return new FerryException(ErrorCode.CONFIGURATION, "Unable to read workload '" + origin + "': " + field + " " + problem);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
