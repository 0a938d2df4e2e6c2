package org.helpdesktriage.core.route;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a trained classifier takes part in routing: which of rules and model decides first
 * ({@link Decision}), the confidence at which the model's predicted category is taken, and
 * where tickets go that neither routes (the review team, or the category's default team).
 *
 * <p>The model file may be left out ({@link #withoutModel}): the policy then says how a model
 * would be used, for {@code evaluate} and {@code train}, which train their own, while triage
 * routes by rules alone until a model is named ({@code TriageConfig.classifierPolicy()} gives
 * only a policy with a model).
 *
 * @param modelFile the model file made by {@code helpdesk-triage train}, or empty when none is
 *     named yet
 * @param minConfidence the confidence in [0, 1] at which the model's prediction is taken
 * @param reviewTeam the team for tickets neither a rule nor a confident model routes, or
 *     {@code null} for the category's default team
 * @param decision which decides first: rules, the model, or rules marked {@code override}
 */
public record ClassifierPolicy(Optional<Path> modelFile, double minConfidence,
        String reviewTeam, Decision decision) {

    /** Which of rules and model decides a ticket's route, in the configuration's words. */
    public enum Decision {
        /** A matching rule decides; the model routes what no rule matched. */
        RULES_FIRST,
        /** The model decides at or above {@code min_confidence}; rules route the rest. */
        MODEL_FIRST,
        /**
         * A matching rule marked {@code override: true} decides; the model routes the rest at
         * or above {@code min_confidence}; other rules do not route.
         */
        RULES_OVERRIDE;

        /** Returns the name used in the configuration ({@code rules_first}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the decision a configuration value names (any case), or empty. */
        public static Optional<Decision> parse(String value) {
            for (Decision d : values()) {
                if (d.id().equalsIgnoreCase(value.trim())) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks the values. */
    public ClassifierPolicy {
        Objects.requireNonNull(modelFile, "modelFile");
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException(
                    "classifier.min_confidence must be in [0, 1], got " + minConfidence);
        }
        if (reviewTeam != null && reviewTeam.isBlank()) {
            throw new IllegalArgumentException("classifier.review_team must not be blank");
        }
        Objects.requireNonNull(decision, "decision");
    }

    /** Creates a policy routing with the model file {@code model}. */
    public ClassifierPolicy(Path model, double minConfidence, String reviewTeam,
            Decision decision) {
        this(Optional.of(Objects.requireNonNull(model, "model")), minConfidence, reviewTeam,
                decision);
    }

    /** Creates a policy that lets rules decide first, as before decisions could be chosen. */
    public ClassifierPolicy(Path model, double minConfidence, String reviewTeam) {
        this(model, minConfidence, reviewTeam, Decision.RULES_FIRST);
    }

    /** Returns a policy that names no model file yet: how a model would be used. */
    public static ClassifierPolicy withoutModel(double minConfidence, String reviewTeam,
            Decision decision) {
        return new ClassifierPolicy(Optional.empty(), minConfidence, reviewTeam, decision);
    }

    /**
     * Returns the model file of a policy that names one, as every policy that routes does.
     *
     * @throws IllegalStateException when the policy names no model ({@link #modelFile()})
     */
    public Path model() {
        return modelFile.orElseThrow(() -> new IllegalStateException("the classifier policy "
                + "names no model file; only a policy with one routes"));
    }

    /** Returns a copy routing with the model file {@code value}. */
    public ClassifierPolicy withModel(Path value) {
        return new ClassifierPolicy(value, minConfidence, reviewTeam, decision);
    }

    /** Returns the review team, or empty for the category's default team. */
    public Optional<String> review() {
        return Optional.ofNullable(reviewTeam);
    }

    /** Returns a copy deciding with {@code value}. */
    public ClassifierPolicy withDecision(Decision value) {
        return new ClassifierPolicy(modelFile, minConfidence, reviewTeam, value);
    }

    /** Returns a copy taking the model's prediction at {@code value} or above. */
    public ClassifierPolicy withMinConfidence(double value) {
        return new ClassifierPolicy(modelFile, value, reviewTeam, decision);
    }
}
