package dev.ferry.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key batches stay under SQL Server's limit of 2 100 parameters per request, whatever the key's width (issue 14.13). */
class KeyTextTest {
    private static List<List<String>> keys(int count, int columns) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Collections.nCopies(columns, Integer.toString(i)));
        }
        return out;
    }

    @Test
    void elevenColumnKeysAreBatchedUnderTheParameterLimitIssue14() {
        List<List<List<String>>> batches = KeyText.batches(keys(1_000, 11));
        assertThat(batches).allSatisfy(b -> assertThat(b.size() * 11).isLessThanOrEqualTo(2_100));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(1_000);
    }

    @Test
    void narrowKeysKeepTwoHundredPerQueryAndAKeyWiderThanTheLimitStillGoesOneByOne() {
        assertThat(KeyText.batches(keys(450, 2))).extracting(List::size).containsExactly(200, 200, 50);
        assertThat(KeyText.batches(keys(3, 2_500))).extracting(List::size).containsExactly(1, 1, 1);
        assertThat(KeyText.batches(List.of())).isEmpty();
    }
}
