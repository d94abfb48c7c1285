package dev.ferry.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The infra/ files without a Bicep CLI (none is installed here): delimiters balanced outside
 * strings and comments, the module given every parameter it requires and none it lacks, the
 * monitoring of issue 16 declared, and the workbook valid JSON with its panels.
 */
class InfraFilesTest {
    private static final Path INFRA = Path.of("infra");
    private static final Pattern PARAM = Pattern.compile("(?m)^param (\\w+) \\w+( = .*)?$");

    private static String read(String file) throws Exception {
        return Files.readString(INFRA.resolve(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.bicep", "flexible-server.bicep"})
    void delimitersAreBalancedOutsideStringsAndComments(String file) throws Exception {
        String text = read(file);
        Deque<Character> open = new ArrayDeque<>();
        boolean string = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (string) {
                string = c != '\'' || text.charAt(i - 1) == '\\';
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                i = text.indexOf('\n', i);
            } else if (c == '\'') {
                string = true;
            } else if ("([{".indexOf(c) >= 0) {
                open.push(c);
            } else if (")]}".indexOf(c) >= 0) {
                assertThat(open).as(file + " at offset " + i).isNotEmpty();
                assertThat("([{".charAt(")]}".indexOf(c))).as(file + " at offset " + i).isEqualTo(open.pop());
            }
        }
        assertThat(string).as(file + ": unterminated string").isFalse();
        assertThat(open).as(file + ": unclosed").isEmpty();
    }

    @Test
    void theModuleGetsEveryRequiredParameterAndNoUnknownOne() throws Exception {
        Set<String> declared = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Matcher m = PARAM.matcher(read("flexible-server.bicep"));
        while (m.find()) {
            declared.add(m.group(1));
            if (m.group(2) == null) {
                required.add(m.group(1));
            }
        }
        String main = read("main.bicep");
        String block = main.substring(main.indexOf("module flexible 'flexible-server.bicep'"));
        block = block.substring(block.indexOf("params: {") + 9, block.indexOf("\n  }\n"));
        Set<String> given = Pattern.compile("(?m)^\\s+(\\w+):").matcher(block).results().map(r -> r.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(given).containsAll(required);
        assertThat(declared).containsAll(given);
    }

    @Test
    void theFlexibleServerTracksSlowQueriesAndAlertsOnCpuMemoryAndConnections() throws Exception {
        String bicep = read("flexible-server.bicep");
        assertThat(bicep).contains("name: 'shared_preload_libraries'", "value: 'pg_stat_statements'", "name: 'pg_stat_statements.track'",
                "name: 'log_min_duration_statement'", "value: string(slowQueryMillis)", "PG_STAT_STATEMENTS",
                "metric: 'cpu_percent', aggregation: 'Average', threshold: 60",
                "metric: 'memory_percent', aggregation: 'Average', threshold: 80",
                "metric: 'active_connections'", "windowSize: 'PT15M'", "category: 'PostgreSQLLogs'");
        String main = read("main.bicep");
        assertThat(main).contains("ferry.query.checks", "slowQueryMillis: queryBudgetMillis", "FERRY_PARITY_WORKLOAD",
                "replace(loadTextContent('workbook.json'), '__WORKSPACE_ID__', logs.id)");
    }

    @Test
    void theWorkbookIsJsonWithTheQueryAndServerPanels() throws Exception {
        JsonNode workbook = new ObjectMapper().readTree(INFRA.resolve("workbook.json").toFile());
        List<JsonNode> items = StreamSupport.stream(workbook.get("items").spliterator(), false).toList();
        assertThat(items).extracting(i -> i.get("name").asText()).contains("query-p95", "query-status", "server-cpu-memory",
                "server-connections", "slowest-statements");
        for (JsonNode item : items) {
            if (item.get("type").asInt() == 3) {
                JsonNode content = item.get("content");
                assertThat(content.get("query").asText()).as(item.get("name").asText()).isNotBlank();
                boolean workspace = content.get("resourceType").asText().equals("microsoft.operationalinsights/workspaces");
                assertThat(content.has("crossComponentResources")).as(item.get("name").asText()).isEqualTo(workspace);
            }
        }
        JsonNode p95 = items.stream().filter(i -> i.get("name").asText().equals("query-p95")).findFirst().orElseThrow();
        assertThat(p95.at("/content/query").asText()).contains("ferry.query.p95", "ferry.query.budget");
    }
}
