package dev.ferry.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.TableRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 18: a table's journal key reads back as the same table, whatever its schema and name hold. */
class TableKeysTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dbo|Orders|dbo.Orders",
            "dbo|Order.Lines|dbo.Order.Lines",
            "sales.eu|Orders|\"sales.eu\".\"Orders\"",
            "sales.eu|a.b|\"sales.eu\".\"a.b\"",
            "\"odd|T|\"\"\"odd\".\"T\"",
            "a.\"b|\"c\".d|\"a.\"\"b\".\"\"\"c\"\".d\""})
    void aKeyRoundTripsToTheSameTable(String schema, String name, String key) {
        TableRef table = new TableRef(schema, name);
        assertThat(TableKeys.format(table)).isEqualTo(key);
        assertThat(TableKeys.parse(key)).isEqualTo(table);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Orders", "\"dbo\"", "\"dbo\".Orders", "\"dbo\".\"Orders", "\"dbo\".\"Orders\"x"})
    void aMalformedKeyIsRefusedNamingIt(String key) {
        assertThatThrownBy(() -> TableKeys.parse(key)).isInstanceOf(FerryException.class).hasMessageContaining(key);
    }
}
