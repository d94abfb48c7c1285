package dev.ferry.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.model.TableRef;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The FROM item each dialect samples a table's pages with, for chunk bounds (issue 13). */
class SampledTableTest {
    private static final TableRef TABLE = new TableRef("dbo", "Order]s");

    @Test
    void sqlServerAndPostgresSamplePagesWithTheirOwnSyntaxAndQuoting() {
        assertThat(new SqlServerDialect().sampledTable(TABLE, 1.0)).contains("[dbo].[Order]]s] TABLESAMPLE SYSTEM (1.0000 PERCENT)");
        assertThat(new PostgresDialect().sampledTable(new TableRef("public", "a\"b"), 12.5))
                .contains("\"public\".\"a\"\"b\" TABLESAMPLE SYSTEM (12.5000)");
    }

    @Test
    void h2CannotSampleSoItsBoundsComeFromEveryKey() {
        assertThat(new H2Dialect().sampledTable(TABLE, 1.0)).isEmpty();
    }

    @Test
    void thePercentageIsPlainDigitsInAnyLocaleAndKeptWithinRange() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(SamplePercent.literal(0.5)).isEqualTo("0.5000");
            assertThat(SamplePercent.literal(1e-9)).isEqualTo("0.0001");
            assertThat(SamplePercent.literal(250)).isEqualTo("100.0000");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
