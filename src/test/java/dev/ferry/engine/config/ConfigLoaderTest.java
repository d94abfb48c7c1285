package dev.ferry.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.model.TableRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void withoutAFileEverythingHasItsDefault() {
        MigrationConfig c = ConfigLoader.load(null);
        assertThat(c.names()).isEqualTo(NameStyle.KEEP);
        assertThat(c.caseInsensitiveCollation()).isEqualTo(CaseInsensitivePolicy.CITEXT);
        assertThat(c.tables().accepts(new TableRef("dbo", "Anything"))).isTrue();
    }

    @Test
    void readsEverySection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, """
                tables:
                  include: ["dbo.*", "sales.Order?"]
                  exclude: ["dbo._prisma_migrations"]
                schemas:
                  sales: crm
                names: snake_case
                caseInsensitiveCollation: icu
                cast:
                  types:
                    datetimeoffset: timestamptz
                  columns:
                    dbo.Account.scope: text
                expressions:
                  dbo.Account.ck: "1 = 1"
                """);
        MigrationConfig c = ConfigLoader.load(file);
        assertThat(c.tables().accepts(new TableRef("dbo", "Account"))).isTrue();
        assertThat(c.tables().accepts(new TableRef("DBO", "account"))).as("case-insensitive").isTrue();
        assertThat(c.tables().accepts(new TableRef("dbo", "_prisma_migrations"))).isFalse();
        assertThat(c.tables().accepts(new TableRef("sales", "Orders"))).isTrue();
        assertThat(c.tables().accepts(new TableRef("hr", "Staff"))).isFalse();
        assertThat(c.schemas()).containsEntry("sales", "crm");
        assertThat(c.names()).isEqualTo(NameStyle.SNAKE_CASE);
        assertThat(c.caseInsensitiveCollation()).isEqualTo(CaseInsensitivePolicy.ICU);
        assertThat(c.cast().find("dbo.Account.scope", "nvarchar(1000)", "nvarchar")).isEqualTo("text");
        assertThat(c.cast().find("dbo.X.y", "datetimeoffset(7)", "datetimeoffset")).isEqualTo("timestamptz");
        assertThat(c.cast().find("dbo.X.y", "int", "int")).isNull();
        assertThat(c.expressions()).containsEntry("DBO.ACCOUNT.CK", "1 = 1");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertThatThrownBy(() -> ConfigLoader.parse("tables:\n  inclde: [a]\n", "ferry.yaml"))
                .isInstanceOf(FerryException.class)
                .hasMessageContaining("ferry.yaml").hasMessageContaining("tables.inclde")
                .satisfies(e -> assertThat(((FerryException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    @Test
    void aBadEnumValueIsRefusedByName() {
        assertThatThrownBy(() -> ConfigLoader.parse("caseInsensitiveCollation: sometimes\n", "ferry.yaml"))
                .isInstanceOf(FerryException.class).hasMessageContaining("caseInsensitiveCollation");
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("/nonexistent/ferry.yaml")))
                .isInstanceOf(FerryException.class).hasMessageContaining("/nonexistent/ferry.yaml");
    }

    @Test
    void readsTheFreezeSectionAndDefaultsToDenyWrite() {
        MigrationConfig c = ConfigLoader.parse("freeze:\n  sqlServer: read-only\n  denyWriteTo: [crm_app, crm_jobs]\n", "ferry.yaml");
        assertThat(c.freeze().sqlServer()).isEqualTo(FreezeConfig.SqlServerFreeze.READ_ONLY);
        assertThat(c.freeze().denyWriteTo()).containsExactly("crm_app", "crm_jobs");
        assertThat(ConfigLoader.parse("freeze:\n  denyWriteTo: [crm_app]\n", "ferry.yaml").freeze().sqlServer())
                .isEqualTo(FreezeConfig.SqlServerFreeze.DENY_WRITE);
        assertThat(ConfigLoader.load(null).freeze().denyWriteTo()).isEmpty();
        assertThatThrownBy(() -> ConfigLoader.parse("freeze:\n  sqlServer: offline\n", "ferry.yaml"))
                .isInstanceOf(FerryException.class).hasMessageContaining("freeze.sqlServer");
    }

    @Test
    void theCutoverThresholdsComeFromTheConfig() {
        MigrationConfig c = ConfigLoader.parse("cutover:\n  maxErrorRate: 0.01\n  maxP95Millis: 800\n  maxPendingChanges: 500\n"
                + "  probeEverySeconds: 3\n", "ferry.yaml");
        dev.ferry.engine.cutover.CutoverPolicy p = dev.ferry.engine.cutover.CutoverPolicy.of(c.cutover(), java.time.Duration.ofMinutes(15),
                true);
        assertThat(p.maxErrorRate()).isEqualTo(0.01);
        assertThat(p.maxP95Millis()).isEqualTo(800);
        assertThat(p.maxPendingChanges()).isEqualTo(500);
        assertThat(p.probeEvery()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(p.requireApproval()).isTrue();
        dev.ferry.engine.cutover.CutoverPolicy d = dev.ferry.engine.cutover.CutoverPolicy.of(ConfigLoader.load(null).cutover(),
                java.time.Duration.ofSeconds(30), false);
        assertThat(d.maxErrorRate()).isEqualTo(0.05);
        assertThat(d.maxP95Millis()).isEqualTo(2_000);
        assertThat(d.probeEvery()).as("a tenth of a short window").isEqualTo(java.time.Duration.ofSeconds(3));
        assertThatThrownBy(() -> ConfigLoader.parse("cutover:\n  maxErrorRate: 5\n", "ferry.yaml"))
                .isInstanceOf(FerryException.class).hasMessageContaining("cutover.maxErrorRate");
        assertThatThrownBy(() -> ConfigLoader.parse("cutover:\n  maxErorRate: 0.1\n", "ferry.yaml"))
                .isInstanceOf(FerryException.class).hasMessageContaining("maxErorRate");
    }
}
