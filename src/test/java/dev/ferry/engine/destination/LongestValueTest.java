package dev.ferry.engine.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.convert.TargetColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The long-value probe shared by the validation, the copy's row path and the sync (issue 15.5). */
class LongestValueTest {
    private static TargetColumn column(String name, String type) {
        return new TargetColumn(name, name, null, type, null, true, null, null, null, null);
    }

    @Test
    void probesOnlyUnboundedColumnsXmlAndJsonByTheirText() {
        List<TargetColumn> cols = List.of(column("id", "integer"), column("name", "varchar(50)"), column("body", "text"),
                column("data", "bytea"), column("doc", "xml"), column("note", "character varying"));
        assertThat(LongestValue.sql(cols, c -> LongestValue.octetLength("\"" + c.name() + "\"", c), "t")).isEqualTo(
                "SELECT greatest(coalesce(max(octet_length(\"body\")), 0), coalesce(max(octet_length(\"data\")), 0), "
                        + "coalesce(max(octet_length(\"doc\"::text)), 0), coalesce(max(octet_length(\"note\")), 0), 0) FROM t");
        assertThat(LongestValue.sql(cols.subList(0, 2), c -> "x", "t")).as("no column can hold a long value").isNull();
    }

    @Test
    void aFetchHoldsAbout32MbDownToOneRow() {
        assertThat(LongestValue.fetchSize(0, 5000)).isEqualTo(5000);
        assertThat(LongestValue.fetchSize(100, 5000)).isEqualTo(5000);
        assertThat(LongestValue.fetchSize(1 << 20, 5000)).isEqualTo(16);
        assertThat(LongestValue.fetchSize(100_000_000, 5000)).isEqualTo(1);
        assertThat(LongestValue.fetchSize(100_000_000, 200)).isEqualTo(1);
    }
}
