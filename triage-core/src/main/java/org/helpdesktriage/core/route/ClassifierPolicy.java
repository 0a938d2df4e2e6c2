package org.helpdesktriage.core.route;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a trained classifier takes part in routing: rules first; when no rule matched, the
 * model's predicted category if its confidence reaches {@code minConfidence}; otherwise the
 * default route, or the review team when one is named.
 *
 * @param model the model file made by {@code helpdesk-triage train}
 * @param minConfidence the confidence in [0, 1] at which the model's prediction is taken
 * @param reviewTeam the team for tickets neither a rule nor a confident model routes, or
 *     {@code null} for the category's default team
 */
public record ClassifierPolicy(Path model, double minConfidence, String reviewTeam) {

    /** Checks the values. */
    public ClassifierPolicy {
        Objects.requireNonNull(model, "model");
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException(
                    "classifier.min_confidence must be in [0, 1], got " + minConfidence);
        }
        if (reviewTeam != null && reviewTeam.isBlank()) {
            throw new IllegalArgumentException("classifier.review_team must not be blank");
        }
    }

    /** Returns the review team, or empty for the category's default team. */
    public Optional<String> review() {
        return Optional.ofNullable(reviewTeam);
    }
}
