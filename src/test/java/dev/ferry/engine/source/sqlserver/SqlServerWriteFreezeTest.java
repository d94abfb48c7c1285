package dev.ferry.engine.source.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.source.sqlserver.SqlServerWriteFreeze.Deny;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deny-write fence's decisions (issue 20): it adds only denies that were not there, and its
 * journal gives back exactly what it added, whatever the principals are called. The statements run
 * against a real server in SqlServerContainerIT.
 */
class SqlServerWriteFreezeTest {
    @Test
    void aDenyTheOwnersSetBeforeIsNeitherAddedNorRecorded() {
        List<Deny> added = SqlServerWriteFreeze.toAdd(List.of("crm_app", "crm_jobs"), Set.of(new Deny("crm_app", "DELETE")));
        assertThat(added).containsExactly(new Deny("crm_app", "INSERT"), new Deny("crm_app", "UPDATE"), new Deny("crm_jobs", "INSERT"),
                new Deny("crm_jobs", "UPDATE"), new Deny("crm_jobs", "DELETE"));
    }

    @Test
    void theJournalGivesBackExactlyWhatWasDeniedWhateverThePrincipalsAreCalled() {
        List<Deny> denies = List.of(new Deny("crm app", "INSERT"), new Deny("DOMAIN\\svc-crm]'\"", "UPDATE"), new Deny("ünïcødé 🍳", "DELETE"),
                new Deny(" leading space", "INSERT"));
        assertThat(SqlServerWriteFreeze.recorded(SqlServerWriteFreeze.journal(denies))).isEqualTo(denies);
        assertThat(SqlServerWriteFreeze.recorded(SqlServerWriteFreeze.READ_ONLY_MARK + "\n")).isEmpty();
        assertThat(SqlServerWriteFreeze.recorded(null)).isEmpty();
    }

    @Test
    void aPrincipalWithALineBreakAndAForeignJournalAreRefusedByName() {
        assertThatThrownBy(() -> SqlServerWriteFreeze.journal(List.of(new Deny("two\nlines", "INSERT")))).hasMessageContaining("two");
        assertThatThrownBy(() -> SqlServerWriteFreeze.recorded("GRANT crm_app\n")).hasMessageContaining("ferry_fence")
                .hasMessageContaining("GRANT crm_app");
    }
}
