package org.helpdesktriage.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.InputLimits;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.PriorityMatrix;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.ScoringConfig;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * The whole, typed configuration of a triage engine. Load one with {@link ConfigLoader}, start
 * from {@link #defaults()}, or change one with {@link #toBuilder()}:
 *
 * <pre>{@code
 * TriageConfig strict = TriageConfig.defaults().toBuilder()
 *         .matchMode(MatchMode.ALL).maxTitleLength(120).build();
 * }</pre>
 *
 * @param categories the categories and their default teams
 * @param rules the routing rules, in definition order
 * @param matchMode whether the first matching rule applies, or every one
 * @param scoring the scoring weights and urgency keywords
 * @param escalation the escalation policy
 * @param maxTitleLength the longest title accepted
 * @param maxDescriptionLength the longest description accepted
 * @param defaultPriority the priority of a ticket that names none
 * @param categorySynonyms extra spellings of categories (lower-case), e.g. tech to technical
 * @param prioritySynonyms extra spellings of priorities (lower-case), e.g. urgent to high
 * @param cacheEnabled whether triage results are cached
 * @param cacheTtl how long a cached result lives
 * @param classifier how a trained model takes part in routing, or {@code null} for rules only
 * @param limits the limits on input records, which every reader and the normaliser apply
 * @param timeZone the zone of input timestamps written without one
 * @param sla the SLA calendars, policies and escalation stages ({@link SlaSettings#none()}: off)
 * @param moduleSettings the settings other modules own (the store's, the command line's log
 *     level), carried without a meaning here: triage-store's {@code StoreSettings.from(config)}
 *     reads the store's, the command line its log level
 * @param shadow the candidate configuration file {@code triage} runs in shadow mode beside this
 *     one, or {@code null}; not part of the fingerprint, since it decides nothing here
 * @param priorityMatrix priority as impact by urgency ({@link PriorityMatrix#none()}: off); the
 *     rules' {@code set_impact} and {@code set_urgency} must name its levels
 * @param assignment the agents and how each team's tickets are given out to them
 *     ({@link AssignmentSettings#none()}: nobody is assigned)
 */
public record TriageConfig(
        Categories categories,
        List<RuleDefinition> rules,
        MatchMode matchMode,
        ScoringConfig scoring,
        EscalationService.Policy escalation,
        int maxTitleLength,
        int maxDescriptionLength,
        Priority defaultPriority,
        Map<String, String> categorySynonyms,
        Map<String, Priority> prioritySynonyms,
        boolean cacheEnabled,
        Duration cacheTtl,
        ClassifierPolicy classifier,
        InputLimits limits,
        ZoneId timeZone,
        SlaSettings sla,
        ModuleSettings moduleSettings,
        Path shadow,
        PriorityMatrix priorityMatrix,
        AssignmentSettings assignment) {

    /** Checks the values and copies the collections. */
    public TriageConfig {
        Objects.requireNonNull(categories, "categories");
        rules = List.copyOf(rules);
        Objects.requireNonNull(matchMode, "matchMode");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(defaultPriority, "defaultPriority");
        categorySynonyms = Map.copyOf(categorySynonyms);
        prioritySynonyms = Map.copyOf(prioritySynonyms);
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(moduleSettings, "moduleSettings");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(priorityMatrix, "priorityMatrix");
        for (RuleDefinition rule : rules) {
            priorityMatrix.problemsOf(rule).values().stream().findFirst().ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
        }
        if (maxTitleLength <= 0 || maxDescriptionLength <= 0) {
            throw new IllegalArgumentException("length limits must be > 0, got title "
                    + maxTitleLength + " and description " + maxDescriptionLength);
        }
    }

    /** Creates a configuration without a shadow configuration nor a priority matrix. */
    public TriageConfig(Categories categories, List<RuleDefinition> rules, MatchMode matchMode,
            ScoringConfig scoring, EscalationService.Policy escalation, int maxTitleLength,
            int maxDescriptionLength, Priority defaultPriority,
            Map<String, String> categorySynonyms, Map<String, Priority> prioritySynonyms,
            boolean cacheEnabled, Duration cacheTtl, ClassifierPolicy classifier,
            InputLimits limits, ZoneId timeZone, SlaSettings sla, ModuleSettings moduleSettings) {
        this(categories, rules, matchMode, scoring, escalation, maxTitleLength,
                maxDescriptionLength, defaultPriority, categorySynonyms, prioritySynonyms,
                cacheEnabled, cacheTtl, classifier, limits, timeZone, sla, moduleSettings, null,
                PriorityMatrix.none(), AssignmentSettings.none());
    }

    /** Creates a configuration without a priority matrix, that assigns nobody. */
    public TriageConfig(Categories categories, List<RuleDefinition> rules, MatchMode matchMode,
            ScoringConfig scoring, EscalationService.Policy escalation, int maxTitleLength,
            int maxDescriptionLength, Priority defaultPriority,
            Map<String, String> categorySynonyms, Map<String, Priority> prioritySynonyms,
            boolean cacheEnabled, Duration cacheTtl, ClassifierPolicy classifier,
            InputLimits limits, ZoneId timeZone, SlaSettings sla, ModuleSettings moduleSettings,
            Path shadow) {
        this(categories, rules, matchMode, scoring, escalation, maxTitleLength,
                maxDescriptionLength, defaultPriority, categorySynonyms, prioritySynonyms,
                cacheEnabled, cacheTtl, classifier, limits, timeZone, sla, moduleSettings, shadow,
                PriorityMatrix.none(), AssignmentSettings.none());
    }

    /**
     * Returns the built-in defaults: the six categories, the two default rules, the default
     * scoring and escalation settings. The same values as the {@code config.json} shipped at the
     * root of the project.
     */
    public static TriageConfig defaults() {
        return ConfigLoader.builtInDefaults();
    }

    /** Returns a builder holding this configuration's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with {@code newRules} in place of the rules. */
    public TriageConfig withRules(List<RuleDefinition> newRules) {
        return toBuilder().rules(newRules).build();
    }

    /** Returns a copy with {@code mode} as the match mode. */
    public TriageConfig withMatchMode(MatchMode mode) {
        return toBuilder().matchMode(mode).build();
    }

    /** Returns a copy with {@code policy} as the classifier policy ({@code null}: none). */
    public TriageConfig withClassifier(ClassifierPolicy policy) {
        return toBuilder().classifier(policy).build();
    }

    /** Returns a copy with {@code value} as the input limits. */
    public TriageConfig withLimits(InputLimits value) {
        return toBuilder().limits(value).build();
    }

    /** Returns a copy with {@code settings} as the SLA settings. */
    public TriageConfig withSla(SlaSettings settings) {
        return toBuilder().sla(settings).build();
    }

    /**
     * Returns every team the configuration routes to: the categories' teams, the rules', the
     * classifier's review team and the escalation stages'.
     */
    public java.util.Set<String> teams() {
        return AssignmentConfigReader.teams(categories, rules, classifier, sla);
    }

    /** Returns the candidate configuration file for shadow mode ({@code shadow}), or empty. */
    public Optional<Path> shadowSetting() {
        return Optional.ofNullable(shadow);
    }

    /**
     * Returns the classifier policy triage routes with: present only when the configuration
     * names a model file; empty when routing uses rules only.
     */
    public Optional<ClassifierPolicy> classifierPolicy() {
        return classifierSettings().filter(p -> p.modelFile().isPresent());
    }

    /**
     * Returns the classifier section as configured, with or without a model file: how a model
     * is used (policy, {@code min_confidence}, {@code review_team}), which {@code evaluate}
     * applies to the models it trains; empty when there is no classifier section.
     */
    public Optional<ClassifierPolicy> classifierSettings() {
        return Optional.ofNullable(classifier);
    }

    /**
     * Builds a {@link TriageConfig}; {@link TriageConfig#toBuilder()} starts one from an existing
     * configuration. {@link #build()} checks the values as the record's constructor does.
     */
    public static final class Builder {
        private Categories categories;
        private List<RuleDefinition> rules;
        private MatchMode matchMode;
        private ScoringConfig scoring;
        private EscalationService.Policy escalation;
        private int maxTitleLength;
        private int maxDescriptionLength;
        private Priority defaultPriority;
        private Map<String, String> categorySynonyms;
        private Map<String, Priority> prioritySynonyms;
        private boolean cacheEnabled;
        private Duration cacheTtl;
        private ClassifierPolicy classifier;
        private InputLimits limits = InputLimits.defaults();
        private ZoneId timeZone = ZoneOffset.UTC;
        private SlaSettings sla = SlaSettings.none();
        private ModuleSettings moduleSettings = ModuleSettings.none();
        private Path shadow;
        private PriorityMatrix priorityMatrix = PriorityMatrix.none();
        private AssignmentSettings assignment = AssignmentSettings.none();

        private Builder(TriageConfig c) {
            categories = c.categories;
            rules = c.rules;
            matchMode = c.matchMode;
            scoring = c.scoring;
            escalation = c.escalation;
            maxTitleLength = c.maxTitleLength;
            maxDescriptionLength = c.maxDescriptionLength;
            defaultPriority = c.defaultPriority;
            categorySynonyms = c.categorySynonyms;
            prioritySynonyms = c.prioritySynonyms;
            cacheEnabled = c.cacheEnabled;
            cacheTtl = c.cacheTtl;
            classifier = c.classifier;
            limits = c.limits;
            timeZone = c.timeZone;
            sla = c.sla;
            moduleSettings = c.moduleSettings;
            shadow = c.shadow;
            priorityMatrix = c.priorityMatrix;
            assignment = c.assignment;
        }

        /** Sets the categories and their default teams. */
        public Builder categories(Categories value) {
            categories = value;
            return this;
        }

        /** Sets the routing rules, in definition order. */
        public Builder rules(List<RuleDefinition> value) {
            rules = value;
            return this;
        }

        /** Sets the match mode. */
        public Builder matchMode(MatchMode value) {
            matchMode = value;
            return this;
        }

        /** Sets the scoring settings. */
        public Builder scoring(ScoringConfig value) {
            scoring = value;
            return this;
        }

        /** Sets the escalation policy. */
        public Builder escalation(EscalationService.Policy value) {
            escalation = value;
            return this;
        }

        /** Sets the longest title accepted. */
        public Builder maxTitleLength(int value) {
            maxTitleLength = value;
            return this;
        }

        /** Sets the longest description accepted. */
        public Builder maxDescriptionLength(int value) {
            maxDescriptionLength = value;
            return this;
        }

        /** Sets the priority of a ticket that names none. */
        public Builder defaultPriority(Priority value) {
            defaultPriority = value;
            return this;
        }

        /** Sets the extra spellings of categories. */
        public Builder categorySynonyms(Map<String, String> value) {
            categorySynonyms = value;
            return this;
        }

        /** Sets the extra spellings of priorities. */
        public Builder prioritySynonyms(Map<String, Priority> value) {
            prioritySynonyms = value;
            return this;
        }

        /** Sets whether triage results are cached. */
        public Builder cacheEnabled(boolean value) {
            cacheEnabled = value;
            return this;
        }

        /** Sets how long a cached result lives. */
        public Builder cacheTtl(Duration value) {
            cacheTtl = value;
            return this;
        }

        /** Sets the classifier policy ({@code null}: rules only). */
        public Builder classifier(ClassifierPolicy value) {
            classifier = value;
            return this;
        }

        /** Sets the limits on input records. */
        public Builder limits(InputLimits value) {
            limits = value;
            return this;
        }

        /** Sets the settings other modules own (the store's, the log level). */
        public Builder moduleSettings(ModuleSettings value) {
            moduleSettings = value;
            return this;
        }

        /** Sets the candidate configuration file for shadow mode ({@code null}: none). */
        public Builder shadow(Path value) {
            shadow = value;
            return this;
        }

        /** Sets the zone of input timestamps written without one. */
        public Builder timeZone(ZoneId value) {
            timeZone = value;
            return this;
        }

        /** Sets the agents and the teams' strategies. */
        public Builder assignment(AssignmentSettings value) {
            assignment = value;
            return this;
        }

        /** Sets the SLA calendars, policies and escalation stages. */
        public Builder sla(SlaSettings value) {
            sla = value;
            return this;
        }

        /** Sets priority as impact by urgency ({@link PriorityMatrix#none()}: off). */
        public Builder priorityMatrix(PriorityMatrix value) {
            priorityMatrix = value;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalArgumentException or NullPointerException naming a value that is wrong
         */
        public TriageConfig build() {
            return new TriageConfig(categories, rules, matchMode, scoring, escalation,
                    maxTitleLength, maxDescriptionLength, defaultPriority, categorySynonyms,
                    prioritySynonyms, cacheEnabled, cacheTtl, classifier, limits, timeZone, sla,
                    moduleSettings, shadow, priorityMatrix, assignment);
        }
    }
}
