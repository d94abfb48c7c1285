package dev.ferry.engine.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.ChunkRange;
import dev.ferry.engine.model.KeyValues;
import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk's predicate and its parameters: composite keys expanded, values bound in order, literals built in one pass (issue 18.6). */
class ChunkSqlTest {
    private static final TableRef T = new TableRef("dbo", "OrderLine");

    private static List<String> bound(Object... values) {
        return java.util.Arrays.stream(values).map(KeyValues::encode).toList();
    }

    @Test
    void aCompositeKeyIsExpandedWithoutRowValuesAndItsParametersFollowThePlaceholders() {
        ChunkRange chunk = new ChunkRange(T, 3, bound(10L, "b"), bound(20L, "k"));
        String where = ChunkSql.predicate(new SqlServerDialect(), List.of("OrderId", "LineNo"), chunk);
        assertThat(where).isEqualTo("([OrderId] > ? OR ([OrderId] = ? AND [LineNo] > ?)) AND ([OrderId] < ? OR ([OrderId] = ? AND [LineNo] <= ?))");
        assertThat(ChunkSql.parameters(chunk)).containsExactly(10L, 10L, "b", 20L, 20L, "k");
        assertThat(where.chars().filter(c -> c == '?').count()).isEqualTo(ChunkSql.parameters(chunk).size());
    }

    @Test
    void theFirstAndLastChunksAreOpenEndedAndASingleChunkTakesEverything() {
        assertThat(ChunkSql.predicate(new SqlServerDialect(), List.of("id"), new ChunkRange(T, 0, null, bound(5L)))).isEqualTo("([id] <= ?)");
        assertThat(ChunkSql.predicate(new SqlServerDialect(), List.of("id"), new ChunkRange(T, 9, bound(5L), null))).isEqualTo("([id] > ?)");
        assertThat(ChunkSql.predicate(new SqlServerDialect(), List.of("id"), new ChunkRange(T, 0, null, null))).isEqualTo("1 = 1");
        assertThat(ChunkSql.parameters(new ChunkRange(T, 0, null, null))).isEmpty();
    }

    @Test
    void literalsAreBuiltInOnePassSoAQuestionMarkInAValueOrANameStaysWhatItIs() {
        PostgresDialect pg = new PostgresDialect();
        ChunkRange chunk = new ChunkRange(T, 1, bound("https://example.com/page?id=143"), bound("'k?00001?'"));
        String where = ChunkSql.predicate(pg, List.of("id?"), chunk, pg::boundLiteral);
        assertThat(where).startsWith("(\"id?\" > ").contains("page?id=143").contains("k?00001?").doesNotContain(" ? ");
        assertThat(where).as("the quote inside the value is escaped").contains("''k?00001?''");
    }

    /** Issue 14.5: a varchar key's bounds are compared as varchar in the column's collation, not as nvarchar. */
    @Test
    void sqlServerComparesAVarcharKeyAsVarcharInItsCollation() {
        dev.ferry.engine.model.Table table = new dev.ferry.engine.model.Table(T, List.of(
                dev.ferry.engine.model.Column.of("Sku", dev.ferry.engine.model.DataType.sized("varchar", 40), false)
                        .withCollation("SQL_Latin1_General_CP1_CI_AS"),
                dev.ferry.engine.model.Column.of("Name", dev.ferry.engine.model.DataType.sized("nvarchar", 40), false)),
                new dev.ferry.engine.model.KeyConstraint("PK", List.of("Sku", "Name"), false), List.of(), List.of(), List.of(), List.of());
        String where = ChunkSql.predicate(new SqlServerDialect(), table, new ChunkRange(T, 1, bound("a-c", "x"), null));
        String sku = "CAST(? COLLATE SQL_Latin1_General_CP1_CI_AS AS varchar(40))";
        assertThat(where).isEqualTo("([Sku] > " + sku + " OR ([Sku] = " + sku + " AND [Name] > ?))");
    }

    @Test
    void aCollationThatIsNoNameIsRefused() {
        dev.ferry.engine.model.Column bad = dev.ferry.engine.model.Column.of("Sku", dev.ferry.engine.model.DataType.sized("varchar", 4), false)
                .withCollation("x) --");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SqlServerDialect().keyParameter(bad, "?"))
                .hasMessageContaining("Sku");
    }
}
