package org.helpdesktriage.core.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Ticket;

/**
 * What rule conditions look at: a ticket, the current time (for {@code age_hours}) and, when a
 * classifier is configured, its prediction.
 */
public final class Facts {

    private final Ticket ticket;
    private final Instant now;
    private final String predictedCategory;
    private final double predictionConfidence;
    private TicketText text;

    private Facts(Ticket ticket, Instant now, String predictedCategory,
            double predictionConfidence) {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.now = Objects.requireNonNull(now, "now");
        this.predictedCategory = predictedCategory;
        this.predictionConfidence = predictionConfidence;
    }

    /** Returns the facts of a ticket at a moment. */
    public static Facts of(Ticket ticket, Instant now) {
        return new Facts(ticket, now, null, 0.0);
    }

    /** Returns these facts with a classifier's prediction added. */
    public Facts withPrediction(String category, double confidence) {
        return new Facts(ticket, now, Objects.requireNonNull(category, "category"), confidence);
    }

    /** Returns the ticket. */
    public Ticket ticket() {
        return ticket;
    }

    /** Returns the current time. */
    public Instant now() {
        return now;
    }

    /** Returns the classifier's predicted category, or empty without a classifier. */
    public Optional<String> predictedCategory() {
        return Optional.ofNullable(predictedCategory);
    }

    /** Returns the classifier's confidence in its prediction, 0 without a classifier. */
    public double predictionConfidence() {
        return predictionConfidence;
    }

    /** Returns the ticket's words, tokenised once and shared by every word test. */
    public TicketText text() {
        if (text == null) {
            text = TicketText.of(ticket.title(), ticket.description());
        }
        return text;
    }
}
