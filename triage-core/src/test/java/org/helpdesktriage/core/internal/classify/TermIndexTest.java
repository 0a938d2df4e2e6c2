package org.helpdesktriage.core.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    @Test
    void get_wordsHashedOneByOne_findTheJoinedTerm() {
        TermIndex index = new TermIndex(List.of("paper", "paper jam", "printer paper jam"));
        long paper = TermIndex.append(TermIndex.OFFSET, "paper");
        long paperJam = TermIndex.append(TermIndex.space(paper), "jam");
        assertThat(index.get(paper)).isEqualTo(0);
        assertThat(index.get(paperJam)).isEqualTo(1);
        long printer = TermIndex.append(TermIndex.OFFSET, "printer");
        long trigram = TermIndex.append(TermIndex.space(
                TermIndex.append(TermIndex.space(printer), "paper")), "jam");
        assertThat(index.get(trigram)).isEqualTo(2);
        assertThat(index.get(printer)).isEqualTo(-1);
    }

    @Test
    void get_manyTerms_findsEachAndNothingElse() {
        List<String> terms = java.util.stream.IntStream.range(0, 20_000)
                .mapToObj(i -> "t" + i).toList();
        TermIndex index = new TermIndex(terms);
        for (int i = 0; i < terms.size(); i++) {
            assertThat(index.get(TermIndex.append(TermIndex.OFFSET, terms.get(i)))).isEqualTo(i);
        }
        for (int i = 20_000; i < 40_000; i++) {
            assertThat(index.get(TermIndex.append(TermIndex.OFFSET, "t" + i))).isEqualTo(-1);
        }
    }
}
