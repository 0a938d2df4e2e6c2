package org.helpdesktriage.core.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.scoring.ScoringConfig;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private final Scorer scorer = Scorer.weighted(ScoringConfig.defaults());

    @Test
    void score_mediumWithoutKeywords_isPriorityShareOnly() {
        Score s = scorer.score(Priority.MEDIUM, TicketText.of("Question", "How do I export?"));
        assertThat(s.total()).isCloseTo(0.6 * 0.4, within(1e-9));
        assertThat(s.components()).extracting(Score.Component::name)
                .containsExactly("priority", "urgency");
        assertThat(s.components().get(1).points()).isZero();
    }

    @Test
    void score_countsDistinctKeywordsOnce() {
        Score s = scorer.score(Priority.LOW,
                TicketText.of("URGENT: server down", "urgent urgent, it is down, error!"));
        // urgent, down, error: three distinct keywords, 2 points each
        assertThat(s.components().get(1).points()).isEqualTo(6.0);
        assertThat(s.total()).isCloseTo(0.6 * 0.1 + 0.4 * 0.6, within(1e-9));
    }

    @Test
    void score_keywordsMatchWholeWordsOnly() {
        Score s = scorer.score(Priority.LOW, TicketText.of("Downloads", "errors in the outages"));
        assertThat(s.components().get(1).points()).isZero();
    }

    @Test
    void score_urgencyIsCappedAndTotalStaysInUnitInterval() {
        Score s = scorer.score(Priority.CRITICAL, TicketText.of(
                "urgent critical down broken emergency outage",
                "cannot unable failed error"));
        assertThat(s.components().get(1).points()).isEqualTo(10.0);
        assertThat(s.total()).isEqualTo(1.0);
    }

    @Test
    void score_zeroTotalWeight_isZero() {
        Scorer zero = Scorer.weighted(new ScoringConfig(
                Map.of("priority", 0.0, "urgency", 0.0), List.of("down"), 2, 10));
        assertThat(zero.score(Priority.CRITICAL, TicketText.of("down", "")).total()).isZero();
    }

    @Test
    void score_missingWeightTakesItsDefault() {
        Scorer onlyUrgency = Scorer.weighted(new ScoringConfig(
                Map.of("urgency", 1.0), List.of("down"), 2, 10));
        // priority keeps its default weight 0.6: (0.6 * 1.0 + 1.0 * 0.2) / 1.6
        assertThat(onlyUrgency.score(Priority.CRITICAL, TicketText.of("down", "")).total())
                .isCloseTo(0.8 / 1.6, within(1e-9));
    }
}
