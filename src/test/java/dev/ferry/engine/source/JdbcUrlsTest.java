package dev.ferry.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void redactsPasswordsInEveryDriversSyntax() {
        assertThat(JdbcUrls.redact("jdbc:sqlserver://db.example:1433;databaseName=crm;user=ferry;password=S3cr3t!;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db.example:1433;databaseName=crm;user=ferry;password=***;encrypt=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://pg.example/crm?user=ferry&password=S3cr3t&sslmode=require"))
                .isEqualTo("jdbc:postgresql://pg.example/crm?user=ferry&password=***&sslmode=require");
        assertThat(JdbcUrls.redact("jdbc:postgresql://ferry:S3cr3t@pg.example/crm")).doesNotContain("S3cr3t");
        assertThat(JdbcUrls.redact("jdbc:h2:mem:x;PASSWORD=abc")).doesNotContain("abc");
        assertThat(JdbcUrls.redact("jdbc:sqlserver://x;authentication=ActiveDirectoryServicePrincipal;clientSecret=zzz"))
                .doesNotContain("zzz");
    }
}
