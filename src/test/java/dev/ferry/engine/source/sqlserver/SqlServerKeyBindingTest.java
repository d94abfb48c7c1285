package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.Column;
import dev.ferry.engine.model.DataType;
import dev.ferry.engine.source.KeyText;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14.3: a binary key captured as PostgreSQL's {@code \x} hex is looked up again on SQL Server
 * as its bytes, typed as the column (SQL Server converts nvarchar to varbinary only explicitly);
 * every other key stays text.
 */
class SqlServerKeyBindingTest {
    private static final SqlServerDialect DIALECT = new SqlServerDialect();

    private static Column column(String name, DataType type) {
        return Column.of(name, type, false);
    }

    @Test
    void binaryAndVarbinaryKeyTextIsBoundAsItsBytes() {
        assertThat(DIALECT.keyTextValue(column("Hash", DataType.sized("varbinary", 16)), "\\x00ff5C"))
                .isEqualTo(new byte[] {0, (byte) 0xff, 0x5c});
        assertThat(DIALECT.keyTextValue(column("Code", DataType.sized("binary", 4)), "\\x0000002a"))
                .isEqualTo(new byte[] {0, 0, 0, 42});
        assertThat(DIALECT.keyTextValue(column("Empty", DataType.sized("varbinary", 8)), "\\x")).isEqualTo(new byte[0]);
    }

    @Test
    void otherKeysStayTextEvenWhenTheyLookLikeHex() {
        assertThat(DIALECT.keyTextValue(column("Name", DataType.sized("nvarchar", 20)), "\\x41")).isEqualTo("\\x41");
        assertThat(DIALECT.keyTextValue(column("Sku", DataType.sized("varchar", 20)), "\\x41")).isEqualTo("\\x41");
        assertThat(DIALECT.keyTextValue(column("Id", DataType.of("int")), "42")).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0102", "\\x0", "\\xzz", "0x0102"})
    void binaryKeyTextThatIsNoHexIsRefusedNamingTheColumn(String text) {
        assertThatThrownBy(() -> DIALECT.keyTextValue(column("Hash", DataType.sized("varbinary", 16)), text))
                .isInstanceOf(FerryException.class).hasMessageContaining("'Hash'").hasMessageContaining(text)
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.DATA));
    }

    @Test
    void aBinaryKeyParameterIsTypedAsTheColumn() {
        assertThat(DIALECT.keyParameter(column("Hash", DataType.sized("varbinary", 16)), "?")).isEqualTo("CAST(? AS varbinary(16))");
        assertThat(DIALECT.keyParameter(column("Code", DataType.sized("binary", 4)), "?")).isEqualTo("CAST(? AS binary(4))");
        assertThat(DIALECT.keyParameter(column("Blob", DataType.sized("varbinary", DataType.MAX)), "?"))
                .isEqualTo("CAST(? AS varbinary(max))");
        assertThat(DIALECT.keyParameter(column("Id", DataType.of("int")), "?")).isEqualTo("?");
    }

    /** Bound through KeyText as SQL Server's dialect binds them, the bytes find the row (H2 in SQL Server mode as the server). */
    @Test
    void boundThroughKeyTextTheBytesFindTheRow() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:keybinding;MODE=MSSQLServer");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (k VARBINARY(16), n VARCHAR(10), v INT, PRIMARY KEY (k, n))");
            st.execute("INSERT INTO t VALUES (X'00ff5c', '\\x41', 1), (X'41', 'A', 2)");
            List<Column> key = List.of(column("k", DataType.sized("varbinary", 16)), column("n", DataType.sized("nvarchar", 10)));
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE " + KeyText.matchAny(List.of("k", "n"), 2)
                    + " ORDER BY v")) {
                KeyText.bind(ps, DIALECT, key, List.of(List.of("\\x00FF5C", "\\x41"), List.of("\\x41", "A")));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next() && rs.getInt(1) == 1 && rs.next() && rs.getInt(1) == 2 && !rs.next()).isTrue();
                }
            }
        }
    }
}
