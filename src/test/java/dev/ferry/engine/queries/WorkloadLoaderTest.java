package dev.ferry.engine.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.sample.SampleWorkload;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workload file's format, its refusals, and the pieces of the comparison that need no database (issue 16). */
class WorkloadLoaderTest {
    @Test
    void readsPortableAndPerSideQueriesWithDefaults() {
        Workload w = WorkloadLoader.parse("""
                queries:
                  - name: a
                    sql: SELECT 1
                  - name: b
                    source: SELECT TOP 1 x FROM t WHERE y = ?
                    target: SELECT x FROM t WHERE y = ? LIMIT 1
                    params: [[1], ["two"], [2.50], [true]]
                    ordered: true
                    budgetMillis: 50
                """, "w.yaml");
        assertThat(w.queries().get(0)).isEqualTo(new WorkloadQuery("a", "SELECT 1", "SELECT 1", List.of(List.of()), false, 200));
        WorkloadQuery b = w.queries().get(1);
        assertThat(b.sourceSql()).startsWith("SELECT TOP 1");
        assertThat(b.targetSql()).endsWith("LIMIT 1");
        assertThat(b.parameterSets()).containsExactly(List.of(1), List.of("two"), List.of(2.5), List.of(true));
        assertThat(b.ordered()).isTrue();
        assertThat(b.budgetMillis()).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "queries: []|it lists no queries",
        "queries: [{sql: SELECT 1}]|queries[0].name is missing",
        "queries: [{name: a}]|query 'a' needs 'sql' (portable) or both 'source' and 'target'",
        "queries: [{name: a, source: SELECT 1}]|query 'a' needs 'sql'",
        "queries: [{name: a, sql: SELECT 1, target: SELECT 2}]|query 'a' gives 'sql' and 'source'/'target'",
        "queries: [{name: a, sql: SELECT 1}, {name: A, sql: SELECT 2}]|queries[1].name 'A' is given twice",
        "queries: [{name: a, sql: SELECT 1, budgetMillis: 0}]|query 'a'.budgetMillis must be at least 1",
        "queries: [{name: a, sql: SELECT 1, budget: 5}]|field 'queries.[0].budget'",
    })
    void refusesAMalformedWorkloadNamingTheField(String yaml, String message) {
        assertThatThrownBy(() -> WorkloadLoader.parse(yaml, "w.yaml")).isInstanceOf(FerryException.class)
                .hasMessageContaining("workload 'w.yaml'").hasMessageContaining(message)
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    @Test
    void theSampleWorkloadLoads() {
        assertThat(SampleWorkload.load().queries()).extracting(WorkloadQuery::name).contains("organizations-by-priority",
                "interactions-last-30-days-per-user", "pipeline-by-stage", "contact-search", "organization-timeline");
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        List<Long> nanos = java.util.stream.LongStream.rangeClosed(1, 20).mapToObj(i -> i * 1_000_000).toList();
        assertThat(LatencyStats.of(nanos)).isEqualTo(new LatencyStats(20, 10.0, 19.0, 20.0));
        assertThat(LatencyStats.of(List.of())).isEqualTo(new LatencyStats(0, 0, 0, 0));
    }

    @Test
    void aMultisetComparisonCountsDuplicates() {
        QueryResult s = new QueryResult(List.of("v"), List.of(List.of("1"), List.of("1"), List.of("2")));
        QueryResult t = new QueryResult(List.of("V"), List.of(List.of("2"), List.of("1"), List.of("2")));
        assertThat(ResultComparer.compare(s, t, false)).get().extracting(ResultDifference::describe)
                .isEqualTo("a row differs (source 3 rows, target 3 rows); source: v=1; target: v=2");
        assertThat(ResultComparer.compare(s, new QueryResult(List.of("v"), List.of(List.of("2"), List.of("1"), List.of("1"))), false))
                .isEmpty();
    }

    @Test
    void explainFindsTheScannedTablesColumnsInFiltersAndJoins() {
        Set<String> known = Set.of("id", "organizationId", "email");
        assertThat(ExplainAnalyzer.columns("((email)::text = 'id = organizationId'::text)", null, known)).containsExactly("email");
        assertThat(ExplainAnalyzer.columns("((c.\"organizationId\")::text = (o.id)::text)", "c", known))
                .containsExactly("organizationId");
    }
}
