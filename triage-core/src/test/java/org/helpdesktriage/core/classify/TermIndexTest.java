package org.helpdesktriage.core.classify;

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
}
