package dev.ferry.engine.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query parity and budgets, PostgreSQL to PostgreSQL (issue 16). */
class QueryRunnerIT {
    private static final String TABLE = "CREATE TABLE \"Customer\" (id int PRIMARY KEY, name text NOT NULL, email text, "
            + "balance numeric(10,2), joined timestamp(3))";
    private static final String ROWS = "INSERT INTO \"Customer\" SELECT g, 'name ' || g, 'user' || g || '@example.com', g * 1.5, "
            + "timestamp '2026-01-01 00:00:00' + g * interval '1 minute' FROM generate_series(1, %d) g";
    private final List<String> log = new ArrayList<>();
    private String source;
    private String target;

    @BeforeEach
    void databases() throws Exception {
        source = TestPostgres.newDatabase("queries_src");
        target = TestPostgres.newDatabase("queries_tgt");
        for (String url : List.of(source, target)) {
            try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
                st.execute(TABLE);
                st.execute(String.format(ROWS, 200));
                st.execute("INSERT INTO \"Customer\" VALUES (9001, 'O''Brien? --', 'ob@example.com', 10.00, NULL)");
            }
        }
    }

    private QueryReport run(String yaml) throws Exception {
        try (Connection s = TestPostgres.connect(source); Connection t = TestPostgres.connect(target)) {
            return new QueryRunner(s, t, 3, log::add).run(WorkloadLoader.parse(yaml, "test"));
        }
    }

    private void onTarget(String sql) throws Exception {
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void equalAnswersPassWithLatenciesPerSide() throws Exception {
        QueryReport report = run("""
                queries:
                  - name: newest
                    sql: SELECT id, name, balance, joined FROM "Customer" ORDER BY joined DESC NULLS LAST LIMIT 5
                    ordered: true
                  - name: by-prefix
                    sql: SELECT id, email FROM "Customer" WHERE email LIKE ? || '%'
                    params: [["user1"], ["user2"]]
                  - name: totals
                    source: SELECT count(*) AS n, sum(balance) AS total FROM "Customer"
                    target: SELECT count(*) AS N, sum(balance) AS TOTAL FROM "Customer"
                    budgetMillis: 5000
                """);
        assertThat(report.verdict()).isEqualTo(QueryReport.Verdict.PASS);
        assertThat(report.queries()).extracting(QueryOutcome::status).containsOnly(QueryStatus.PASS);
        QueryOutcome prefix = report.query("by-prefix").orElseThrow();
        assertThat(prefix.source().runs()).isEqualTo(6);
        assertThat(prefix.target().runs()).isEqualTo(6);
        assertThat(prefix.target().p95Millis()).isGreaterThan(0).isLessThanOrEqualTo(prefix.target().maxMillis());
        assertThat(prefix.ratio()).isGreaterThan(0);
    }

    @Test
    void oneDifferentRowIsCaughtNamingTheQueryAndTheRow() throws Exception {
        onTarget("UPDATE \"Customer\" SET balance = 75.01 WHERE id = 50");
        QueryReport report = run("""
                queries:
                  - name: all-balances
                    sql: SELECT id, balance FROM "Customer"
                  - name: counts
                    sql: SELECT count(*) FROM "Customer"
                """);
        assertThat(report.verdict()).isEqualTo(QueryReport.Verdict.DIFFERENT);
        QueryOutcome q = report.query("all-balances").orElseThrow();
        assertThat(q.status()).isEqualTo(QueryStatus.DIFFERENT);
        assertThat(q.difference().sourceRow()).isEqualTo("id=50, balance=75.00");
        assertThat(q.difference().targetRow()).isEqualTo("id=50, balance=75.01");
        assertThat(report.query("counts").orElseThrow().status()).isEqualTo(QueryStatus.PASS);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("all-balances").contains("DIFFERENT").contains("75.01"));
    }

    @Test
    void anOrderedQueryComparesOrderAndColumnNames() throws Exception {
        QueryReport report = run("""
                queries:
                  - name: order-matters
                    source: SELECT id FROM "Customer" WHERE id <= 3 ORDER BY id
                    target: SELECT id FROM "Customer" WHERE id <= 3 ORDER BY id DESC
                    ordered: true
                  - name: renamed
                    source: SELECT id AS customer FROM "Customer" WHERE id = 1
                    target: SELECT id AS client FROM "Customer" WHERE id = 1
                """);
        assertThat(report.query("order-matters").orElseThrow().difference().describe())
                .isEqualTo("row 1 differs (source 3 rows, target 3 rows); source: id=1; target: id=3");
        assertThat(report.query("renamed").orElseThrow().difference().what()).contains("'customer' on the source, 'client' on the target");
    }

    @Test
    void parametersAreBoundNotSpliced() throws Exception {
        onTarget("UPDATE \"Customer\" SET email = 'changed@example.com' WHERE id = 9001");
        QueryReport report = run("""
                queries:
                  - name: by-name
                    sql: SELECT id, email FROM "Customer" WHERE name = ?
                    params: [["O'Brien? --"]]
                """);
        // spliced, the quote would end the literal and the ? become a marker: a syntax error, not this row
        QueryOutcome q = report.query("by-name").orElseThrow();
        assertThat(q.status()).isEqualTo(QueryStatus.DIFFERENT);
        assertThat(q.difference().sourceRow()).isEqualTo("id=9001, email=ob@example.com");
        assertThat(q.difference().targetRow()).isEqualTo("id=9001, email=changed@example.com");
    }

    @Test
    void aSyntaxErrorIsReportedByNameAndTheOthersStillRun() throws Exception {
        QueryReport report = run("""
                queries:
                  - name: first
                    sql: SELECT count(*) FROM "Customer"
                  - name: broken
                    source: SELECT id FROM "Customer"
                    target: SELEC id FROM "Customer"
                  - name: last
                    sql: SELECT max(id) FROM "Customer"
                """);
        assertThat(report.queries()).extracting(QueryOutcome::name, QueryOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("first", QueryStatus.PASS),
                org.assertj.core.groups.Tuple.tuple("broken", QueryStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("last", QueryStatus.PASS));
        assertThat(report.query("broken").orElseThrow().failure()).startsWith("target: ").contains("SELEC").contains("42601");
        assertThat(report.verdict()).isEqualTo(QueryReport.Verdict.DIFFERENT);
    }

    @Test
    void aQueryOverItsBudgetIsExplainedWithTheSeqScanAndTheIndexToCreate() throws Exception {
        for (String url : List.of(source, target)) {
            try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
                st.execute(String.format(ROWS.replace("generate_series(1, %d)", "generate_series(10001, %d)"), 50_000));
                st.execute("ANALYZE \"Customer\"");
            }
        }
        QueryReport report = run("""
                queries:
                  - name: lookup-by-email
                    sql: SELECT id, name FROM "Customer" WHERE email = ?
                    params: [["user30000@example.com"]]
                    budgetMillis: 1
                """);
        QueryOutcome q = report.query("lookup-by-email").orElseThrow();
        assertThat(q.status()).isEqualTo(QueryStatus.OVER_BUDGET);
        assertThat(report.verdict()).isEqualTo(QueryReport.Verdict.OVER_BUDGET);
        ExplainSummary.SeqScan scan = q.explain().seqScans().get(0);
        assertThat(scan.table()).isEqualTo("Customer");
        assertThat(scan.rowsRead()).isGreaterThanOrEqualTo(39_000);
        assertThat(scan.columns()).containsExactly("email");
        assertThat(scan.suggestion()).isEqualTo("CREATE INDEX ON \"Customer\" (\"email\")");
        assertThat(scan.existingIndex()).isNull();
        assertThat(q.detail()).contains("sequential scan of Customer").contains("CREATE INDEX ON \"Customer\" (\"email\")");
    }
}
