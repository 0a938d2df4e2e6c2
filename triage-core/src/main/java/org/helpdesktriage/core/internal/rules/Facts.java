package org.helpdesktriage.core.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Ticket;

/**
 * What rule conditions look at: a ticket, the current time (for {@code age_hours}) and, when a
 * classifier is configured, its prediction.
 *
 * <p>Facts belong to one ticket and one thread: they cache the ticket's words on first use so
 * that every rule reads the same tokenisation. Create one per ticket; share the {@link RuleSet}.
 */
public final class Facts {

    private final Ticket ticket;
    private final Instant now;
    private final String predictedCategory;
    private final double predictionConfidence;
    private TicketText text;
    private String fullText;
    private List<IndexedWords> tagWords;
    private IndexedWords titleWords;
    private IndexedWords descriptionWords;
    private IndexedWords textWords;

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

    /** Returns whether a classifier's prediction was added. */
    public boolean hasPrediction() {
        return predictedCategory != null;
    }

    /** Returns the ticket's age at {@link #now()} in hours (negative if created later). */
    public double ageHours() {
        Duration age = Duration.between(ticket.createdAt(), now);
        return age.getSeconds() / 3600.0 + age.getNano() / 3.6e12;
    }

    /** Returns the predicted category, or {@code null}: for the rule evaluator's fast path. */
    String predictedCategoryOrNull() {
        return predictedCategory;
    }

    /** Returns the title, a newline and the description, built once. */
    String fullText() {
        if (fullText == null) {
            fullText = ticket.title() + "\n" + ticket.description();
        }
        return fullText;
    }

    /** Returns the words of each tag, in tag order, tokenised once. */
    List<IndexedWords> tagWords() {
        if (tagWords == null) {
            List<IndexedWords> words = new ArrayList<>(ticket.tags().size());
            for (String tag : ticket.tags()) {
                words.add(new IndexedWords(TicketText.Words.of(tag)));
            }
            tagWords = words;
        }
        return tagWords;
    }

    /** Returns the title's words with their vocabulary bits, shared by every keyword test. */
    IndexedWords titleWords() {
        if (titleWords == null) {
            titleWords = new IndexedWords(text().title());
        }
        return titleWords;
    }

    /** Returns the description's words with their vocabulary bits. */
    IndexedWords descriptionWords() {
        if (descriptionWords == null) {
            descriptionWords = new IndexedWords(text().description());
        }
        return descriptionWords;
    }

    /** Returns the words of title and description with their vocabulary bits. */
    IndexedWords textWords() {
        if (textWords == null) {
            textWords = new IndexedWords(text().text());
        }
        return textWords;
    }
}
