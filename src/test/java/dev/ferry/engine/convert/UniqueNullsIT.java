package dev.ferry.engine.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.config.MigrationConfig;
import dev.ferry.sample.SampleDatabase;
import dev.ferry.support.Migrations;
import dev.ferry.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A unique key over a nullable column that holds one NULL at most on the source (SQL Server's rule,
 * here H2's NULLS NOT DISTINCT) arrives as NULLS NOT DISTINCT and refuses a second NULL on the
 * target, while a key whose NULLs are distinct keeps taking them. (Issue 18.6: the test this
 * replaces inserted the same non-null row twice.)
 */
class UniqueNullsIT {
    @Test
    void aUniqueKeyThatHoldsOneNullRefusesASecondOneOnTheTarget() throws Exception {
        String source = SampleDatabase.h2Url("unique_nulls_" + System.nanoTime());
        try (Connection c = DriverManager.getConnection(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE badge (id INT PRIMARY KEY, code NVARCHAR(10) NULL, tag NVARCHAR(10) NULL, "
                    + "CONSTRAINT badge_code_key UNIQUE NULLS NOT DISTINCT (code), CONSTRAINT badge_tag_key UNIQUE NULLS DISTINCT (tag))");
            st.execute("INSERT INTO badge VALUES (1, NULL, NULL), (2, 'b', NULL)");
        }
        String target = TestPostgres.newDatabase("unique_nulls");
        Migrations.run(source, target, MigrationConfig.defaults(), Migrations.small());
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO badge VALUES (3, NULL, 'x')")).as("a second NULL code")
                    .hasMessageContaining("badge_code_key");
            st.execute("INSERT INTO badge VALUES (4, 'd', NULL)");
            assertThat(Migrations.count(target, "badge WHERE tag IS NULL")).as("NULL tags stay distinct").isEqualTo(3);
        }
    }
}
