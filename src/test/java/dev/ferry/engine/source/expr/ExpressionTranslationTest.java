package dev.ferry.engine.source.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTranslationTest {
    private static final Map<String, String> COLUMNS = Map.of("Qty", "qty", "Name", "name", "DeletedAt", "deleted_at");
    private static final Map<String, String> TYPED_COLUMNS = Map.of("Code", "code", "Qty", "qty", "First", "first", "Last", "last");
    private static final ColumnTypes TYPES = new ColumnTypes(java.util.Set.of("Code", "First", "Last"), java.util.Set.of("qty"));
    private final ExpressionTranslator tsql = new SqlServerDialect().expressionTranslator();

    @ParameterizedTest
    @CsvSource(delimiter = '^', quoteCharacter = '`', value = {
            "getdate()^CURRENT_TIMESTAMP",
            "SYSDATETIME()^CURRENT_TIMESTAMP",
            "getutcdate()^(now() AT TIME ZONE 'utc')",
            "newid()^gen_random_uuid()",
            "newsequentialid()^gen_random_uuid()",
            "N'O''Brien'^'O''Brien'",
            "[Qty]>(0)^\"qty\">(0)",
            "[DeletedAt] IS NULL^\"deleted_at\" IS NULL",
            "len([Name])>(2)^length(rtrim(\"name\"))>(2)",
            "isnull([Qty],(0))^coalesce(\"qty\",(0))",
            "[Name]+N'-'^\"name\"||'-'",
            "[Qty] between 1 and 10^\"qty\" BETWEEN 1 AND 10",
            "[Name] like 'a%'^\"name\" LIKE 'a%'",
            "[Qty] in (1, 2)^\"qty\" IN (1, 2)"})
    void translatesTsql(String source, String expected) {
        Translation t = tsql.translate(source, COLUMNS);
        assertThat(t.problem()).isNull();
        assertThat(t.sql()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "datediff(day,[DeletedAt],getdate())|datediff",
            "CONVERT([varchar](10),[Qty])|CONVERT",
            "[Unknown] + 1 > foo|foo"})
    void refusesWhatItDoesNotKnowAndSaysWhat(String source, String named) {
        Translation t = tsql.translate(source, COLUMNS);
        assertThat(t.isOk()).isFalse();
        assertThat(t.problem()).contains(named);
    }

    /** Issue 14.12: '+' concatenates when an operand is a string, literal or not; it adds numbers. */
    @ParameterizedTest
    @CsvSource(delimiter = '^', quoteCharacter = '`', value = {
            "(([First]+' ')+[Last])^((\"first\"||' ')||\"last\")",
            "[First]+[Last]^\"first\"||\"last\"",
            "upper([First])+[Qty2]^upper(\"first\")||\"qty2\"",
            "[Qty]+([Qty2]*(2))^\"qty\"+(\"qty2\"*(2))",
            "([Qty]+(1))+[Qty2]^(\"qty\"+(1))+\"qty2\""})
    void decidesConcatenationFromOperandTypes(String source, String expected) {
        Map<String, String> columns = Map.of("First", "first", "Last", "last", "Qty", "qty", "Qty2", "qty2");
        Translation t = tsql.translate(source, columns, java.util.Set.of("First", "Last"));
        assertThat(t.problem()).isNull();
        assertThat(t.sql()).isEqualTo(expected);
    }

    /**
     * Concatenation fix: int outranks varchar in T-SQL, so a string '+' a number adds there ('5' + 1 = 6); '||'
     * would concatenate, so the expression is refused naming the construct. String + string stays '||',
     * number + number stays '+'.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '^', quoteCharacter = '`', value = {
            "[Code] + 1^'[Code] + 1'",
            "([Code]+(1))^'[Code]+(1)'",
            "'5' + [Qty]^''5' + [Qty]'",
            "(N'5'+[Qty])^'N'5'+[Qty]'",
            "[Code] + -1^'[Code] + -1'",
            "([Qty]+(1))+[Code]^'([Qty]+(1))+[Code]'",
            "[First] + len([Last])^'[First] + len([Last])'",
            "[Code] + [Qty] * 2^'[Code] + [Qty]'"})
    void refusesAStringPlusANumberWhichAddsInTsql(String source, String construct) {
        Translation t = tsql.translate(source, TYPED_COLUMNS, TYPES);
        assertThat(t.isOk()).as(source + " -> " + t.sql()).isFalse();
        assertThat(t.problem()).isEqualTo(construct + " (a string '+' a number) adds in T-SQL, where PostgreSQL's || would concatenate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '^', quoteCharacter = '`', value = {
            "[First] + ' ' + [Last]^\"first\" || ' ' || \"last\"",
            "(([First]+' ')+[Last])^((\"first\"||' ')||\"last\")",
            "[Qty] + 1^\"qty\" + 1",
            "([Qty]+(1))^(\"qty\"+(1))",
            "'5' + 'x'^'5' || 'x'",
            "[Code] + upper([First])^\"code\" || upper(\"first\")"})
    void keepsStringPlusStringAndNumberPlusNumber(String source, String expected) {
        Translation t = tsql.translate(source, TYPED_COLUMNS, TYPES);
        assertThat(t.problem()).isNull();
        assertThat(t.sql()).isEqualTo(expected);
    }

    /** Issue 14: DATALENGTH counts UTF-16 bytes, octet_length UTF-8 ones: refused, naming the construct. */
    @Test
    void refusesDatalengthWhoseBytesDiffer() {
        Translation t = tsql.translate("datalength([Name])<=(40)", COLUMNS);
        assertThat(t.isOk()).isFalse();
        assertThat(t.problem()).contains("datalength()").contains("UTF-16");
    }

    @Test
    void keepsStringsIntactIncludingBracketsAndQuotesInside() {
        assertThat(tsql.translate("[Name]<>N'[not a column] it''s'", COLUMNS).sql()).isEqualTo("\"name\"<>'[not a column] it''s'");
    }

    @Test
    void h2ChecksAndDefaults() {
        ExpressionTranslator h2 = new H2Dialect().expressionTranslator();
        assertThat(h2.translate("(\"Qty\" >= 0)\n    AND (LEN(\"Name\") > 3)", COLUMNS).sql())
                .isEqualTo("(\"qty\" >= 0) AND (length(\"name\") > 3)");
        assertThat(h2.translate("RANDOM_UUID(4)", COLUMNS).sql()).isEqualTo("gen_random_uuid()");
        assertThat(h2.translate("\"Name\" IN('A', 'B')", COLUMNS).sql()).isEqualTo("\"name\" IN('A', 'B')");
    }

    @Test
    void postgresExpressionsPassThroughWithColumnsRenamed() {
        ExpressionTranslator pg = new PostgresDialect().expressionTranslator();
        assertThat(pg.translate("(upper(Name) || '-'::text)", COLUMNS).sql()).isEqualTo("(upper(\"name\") || '-'::text)");
        assertThat(pg.translate("date_trunc('day', now())", COLUMNS).sql()).isEqualTo("date_trunc('day', now())");
    }

    /** PostgreSQL's '+' never joins strings: a PostgreSQL default adding an interval kept '+' (it became '||', text). */
    @Test
    void postgresPlusStaysPlusWhateverItsOperands() {
        ExpressionTranslator pg = new PostgresDialect().expressionTranslator();
        assertThat(pg.translate("(now() + '1 day'::interval)", COLUMNS).sql()).isEqualTo("(now() + '1 day'::interval)");
        assertThat(pg.translate("('2020-01-01'::date + 1)", COLUMNS).sql()).isEqualTo("('2020-01-01'::date + 1)");
        assertThat(pg.translate("(Qty + '1'::integer)", COLUMNS, TYPES).sql()).isEqualTo("(\"qty\" + '1'::integer)");
    }

    @Test
    void stripsOnlyParenthesesAroundTheWholeExpression() {
        assertThat(Expressions.stripOuterParentheses("((0))")).isEqualTo("0");
        assertThat(Expressions.stripOuterParentheses("(a) + (b)")).isEqualTo("(a) + (b)");
        assertThat(Expressions.stripOuterParentheses("(')(')")).isEqualTo("')('");
    }
}
