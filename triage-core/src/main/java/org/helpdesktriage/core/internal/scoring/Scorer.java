package org.helpdesktriage.core.internal.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.scoring.ScoringConfig;

/**
 * Scores a routed ticket from its final priority and the urgency words in its text.
 *
 * <pre>{@code
 * Scorer scorer = Scorer.weighted(ScoringConfig.defaults());
 * Score score = scorer.score(Priority.HIGH, TicketText.of(title, description));
 * }</pre>
 */
@FunctionalInterface
public interface Scorer {

    /**
     * Returns the score of a ticket with the given final priority and text.
     *
     * @param priority the priority after routing
     * @param text the ticket's words
     * @return the score, its total in [0, 1]
     */
    Score score(Priority priority, TicketText text);

    /**
     * Returns the stock scorer: the priority component (critical 10, high 7, medium 4, low 1,
     * over 10) and the urgency component (points for each distinct urgency keyword present as
     * a whole word, capped, over the cap), weighted and divided by the sum of the weights. A
     * zero total weight gives 0.
     */
    static Scorer weighted(ScoringConfig config) {
        Objects.requireNonNull(config, "config");
        Set<String> keywords = new LinkedHashSet<>();
        for (String k : config.urgencyKeywords()) {
            keywords.add(k.trim().toLowerCase(Locale.ROOT));
        }
        List<String> words = List.copyOf(keywords);
        double wPriority = config.weights().get("priority");
        double wUrgency = config.weights().get("urgency");
        double totalWeight = wPriority + wUrgency;
        int cap = config.urgencyCap();
        int perWord = config.pointsPerKeyword();
        return (priority, text) -> {
            double pPoints = priority.points();
            double pValue = pPoints / Priority.CRITICAL.points();
            double uPoints = Math.min(cap, perWord * text.text().countPresent(words));
            double uValue = uPoints / cap;
            double total = totalWeight == 0 ? 0.0
                    : (wPriority * pValue + wUrgency * uValue) / totalWeight;
            List<Score.Component> parts = new ArrayList<>(2);
            parts.add(new Score.Component("priority", pPoints, pValue, wPriority));
            parts.add(new Score.Component("urgency", uPoints, uValue, wUrgency));
            return new Score(Math.max(0.0, Math.min(1.0, total)), parts);
        };
    }
}
