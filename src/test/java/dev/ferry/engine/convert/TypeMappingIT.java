package dev.ferry.engine.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.TestPostgres;
import dev.ferry.support.TypeMappingTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every PostgreSQL type of docs/type-mapping.md exists on a real PostgreSQL 16 with the declared modifiers. */
class TypeMappingIT {
    @Test
    void everyMappedTypeIsCreatedAsWritten() throws Exception {
        Set<String> types = new LinkedHashSet<>();
        TypeMappingTable.rows().forEach(r -> types.add(r.postgres()));
        try (Connection c = TestPostgres.connect(TestPostgres.newDatabase("types")); Statement st = c.createStatement()) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
            int i = 0;
            for (String type : types) {
                ddl.append(i == 0 ? "" : ", ").append("c").append(i++).append(' ').append(type);
            }
            st.execute(ddl.append(')').toString());
            i = 0;
            for (String type : types) {
                try (ResultSet rs = st.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 't'::regclass AND attname = 'c" + i++ + "'")) {
                    rs.next();
                    assertThat(normalize(rs.getString(1))).as(type).isEqualTo(normalize(type));
                }
            }
        }
    }

    private static String normalize(String type) {
        return type.replaceAll("timestamp\\((\\d)\\) without time zone", "timestamp($1)")
                .replaceAll("timestamp\\((\\d)\\) with time zone", "timestamptz($1)")
                .replaceAll("time\\((\\d)\\) without time zone", "time($1)")
                .replace("character varying", "varchar").replaceAll("^character\\(", "char(");
    }
}
