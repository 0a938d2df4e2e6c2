package org.helpdesktriage.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.classify.Classifier;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.internal.classify.ClassifierModel;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.internal.ingest.Ingested;
import org.helpdesktriage.core.internal.ingest.TicketNormalizer;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: triages tickets with a configuration's rules, routing and scoring.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder()
 *         .config(ConfigLoader.load(Path.of("config.json")))
 *         .build();
 * TriageResult result = engine.triage(ticket);
 * System.out.println(result.routing().assignedTo());
 * }</pre>
 *
 * <p>An engine is immutable and thread-safe; build it once (rules are compiled at build time, and
 * an invalid rule fails the build) and share it. The validated path is one call: hand
 * {@link #triageJson(String)} a JSON object, or {@link #triage(Map)} the fields, and get a result
 * or a rejection naming every field that is wrong:
 *
 * <pre>{@code
 * TriageOutcome outcome = engine.triageJson(json);
 * if (outcome instanceof TriageOutcome.Triaged t) {
 *     save(t.result());
 * } else if (outcome instanceof TriageOutcome.Rejected r) {
 *     report(r.rejection().message());
 * }
 * }</pre>
 *
 * <p>{@link #triage(RawRecord)} does the same for a record of a {@link RecordReader};
 * {@link BatchTriage} runs a whole input in parallel, keeping input order.
 *
 * <p>The engine decides only (parse, normalise, validate, rules, route, score, SLA policy and due
 * times, the shadow's decision) and keeps nothing: a {@link StoringStep} after it saves, merges
 * re-imports, audits and tracks SLA state.
 *
 * <pre>{@code
 * StoringStep storing = StoringStep.builder(engine).store(store).auditLog(audit).build();
 * TriageOutcome stored = storing.save(engine.triageJson(json));
 * }</pre>
 */
public final class TriageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TriageEngine.class);

    /** How many results the default cache holds. */
    public static final long DEFAULT_CACHE_SIZE = 10_000;

    private final TriageConfig config;
    private final Clock clock;
    private final boolean explain;
    private final RuleSet rules;
    private final TextClassifier classifier;
    private final Decider decider;
    private final TicketNormalizer normalizer;
    private final ResultCache cache;
    private final String fingerprint;
    private final TriageSla sla;
    private final Shadow shadow;

    private TriageEngine(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.explain = b.explain;
        this.rules = RuleSet.compile(config.rules(), config.categories(), config.matchMode());
        this.classifier = ClassifierRules.classifier(b.classifier, config);
        this.normalizer = new TicketNormalizer(IngestConfig.settings(config), clock);
        // a model handed to the builder counts by its content, as a configured model file does
        this.fingerprint = b.classifier != null
                ? ConfigLoader.fingerprint(config, ClassifierModel.sha256(b.classifier))
                : ConfigLoader.fingerprint(config);
        this.cache = b.cache != null ? b.cache
                : config.cacheEnabled() ? ResultCache.create(config.cacheTtl(), DEFAULT_CACHE_SIZE)
                : null;
        this.sla = TriageSla.of(config, rules);
        this.decider = new Decider(config, clock, explain, rules, classifier, sla, fingerprint);
        this.shadow = b.shadow == null ? null : new Shadow(b.shadow, config, clock);
        LOG.info("engine built: {} rule(s) compiled ({} match), classifier {}, cache {}",
                rules.rules().size(), config.matchMode(),
                classifier == null ? "none" : "with " + classifier.labels().size() + " labels",
                cache == null ? "off" : "on");
    }

    /** Returns a builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the configuration this engine runs with. */
    public TriageConfig config() {
        return config;
    }

    /** Returns the clock this engine reads time from. */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the configuration's fingerprint, which every result carries: SHA-256 of its
     * canonical JSON and of the classifier's model
     * ({@link ConfigLoader#fingerprint(TriageConfig)}).
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Returns the result cache's hits and misses so far, or empty when caching is off. */
    public Optional<CacheStats> cacheStats() {
        return Optional.ofNullable(cache).map(c -> new CacheStats(c.hits(), c.misses()));
    }

    /**
     * Returns how often the shadow configuration, which decides beside this one, agreed so far,
     * or empty without a shadow.
     */
    public Optional<ShadowStats> shadowStats() {
        return Optional.ofNullable(shadow).map(s -> new ShadowStats(s.fingerprint(),
                s.agreements(), s.disagreements()));
    }

    /** Returns whether a shadow configuration decides beside this one. */
    public boolean hasShadow() {
        return shadow != null;
    }

    /**
     * How the result cache served the engine: running totals over the engine's life.
     *
     * @param hits the results found in the cache
     * @param misses the results computed
     */
    public record CacheStats(long hits, long misses) {
    }

    /**
     * How the shadow (candidate) configuration's decisions compared with this engine's: every
     * record the engine read counts once, as an agreement when both configurations triaged it
     * alike or both rejected it, else as a disagreement. Running totals over the engine's life.
     *
     * @param fingerprint the candidate configuration's fingerprint
     * @param agreements the records decided alike
     * @param disagreements the records decided otherwise
     */
    public record ShadowStats(String fingerprint, long agreements, long disagreements) {

        /** Checks the values. */
        public ShadowStats {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** Returns how many rules the configuration compiled to. */
    public int ruleCount() {
        return rules.rules().size();
    }

    /** Returns whether results carry explanations, for the storing step's assignments. */
    boolean explains() {
        return explain;
    }

    /** Returns the compiled rules, in evaluation order, for the storing step. */
    RuleSet rules() {
        return rules;
    }

    /**
     * Normalises, validates and triages one ticket given as a JSON object.
     *
     * @param json the JSON text of one ticket object, fields named as in an input file
     * @return the result, or the rejection with every error of the ticket (or why the text is
     *     not one JSON object)
     */
    public TriageOutcome triageJson(String json) {
        return triage(RecordReaders.readObject(json, "<json>", config.limits()));
    }

    /**
     * Normalises, validates and triages one ticket given as field names and values.
     *
     * @param fields field names (or their aliases) to values: strings, numbers, booleans,
     *     {@code null}, and lists and maps of them
     * @return the result, or the rejection with every error of the ticket
     */
    public TriageOutcome triage(Map<String, ?> fields) {
        return triage(RecordReaders.readFields(fields, "<fields>"));
    }

    /**
     * Normalises, validates and triages one input record.
     *
     * @param record a record from a {@link RecordReader}
     * @return the result, or the rejection with every error of the record
     */
    public TriageOutcome triage(RawRecord record) {
        Objects.requireNonNull(record, "record");
        Ingested ingested = normalize(record);
        // the candidate decides on the record as it was parsed once, and keeps nothing
        TriageOutcome candidate = shadow == null ? null : shadow.decide(record, ingested);
        return triage(record, ingested, candidate);
    }

    /**
     * Triages a record normalised by this engine or by one with the same ingest settings; a
     * shadow's candidate engine is handed the live engine's work this way.
     */
    TriageOutcome triage(RawRecord record, Ingested ingested, TriageOutcome candidate) {
        if (ingested instanceof Ingested.Accepted accepted) {
            Rejection late = sla == null ? null
                    : sla.reject(record, accepted.ticket(), clock.instant());
            if (late == null) {
                TriageResult result = triage(accepted.ticket(), accepted.notes(),
                        accepted.position(), candidate);
                return new TriageOutcome.Triaged(result, accepted.ticket());
            }
            ingested = new Ingested.Rejected(late);
        }
        Ingested.Rejected rejected = (Ingested.Rejected) ingested;
        if (shadow != null) {
            shadow.compareRejected(candidate);
        }
        return new TriageOutcome.Rejected(rejected.rejection());
    }

    // whatever goes wrong with one record is that record's rejection, never the batch's end
    private Ingested normalize(RawRecord record) {
        try {
            return normalizer.normalize(record);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Ingested.Rejected(new Rejection(record.position(), List.of(
                    new FieldError("record", "the record cannot be normalised: " + why)),
                    record.raw(), record.fields()));
        }
    }

    /**
     * Triages a ticket that is already normalised and valid.
     *
     * @param ticket the ticket
     * @return the result: the routed, scored ticket with status triaged
     */
    public TriageResult triage(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return triage(ticket, List.of(), null, shadow == null ? null : shadow.decide(ticket));
    }

    private TriageResult triage(Ticket ticket, List<String> inputNotes, SourcePosition position,
            TriageOutcome candidate) {
        TriageResult result;
        if (cache == null) {
            result = decider.decide(ticket, inputNotes, position);
        } else {
            TriageResult cached = cache.get(new ResultCache.Key(fingerprint, explain, ticket),
                    key -> decider.decide(ticket, List.of(), null));
            List<String> notes = inputNotes;
            if (!cached.notes().isEmpty()) {
                notes = new ArrayList<>(inputNotes);
                notes.addAll(cached.notes());
            }
            result = new TriageResult(cached.ticket(), cached.routing(), cached.score(), notes,
                    cached.explanation(), position, cached.sla(), fingerprint);
        }
        return candidate == null ? result : result.withShadow(shadow.compare(result, candidate));
    }

    /** Returns the classifier, or empty when routing uses rules only. */
    public Optional<Classifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    /** Builds a {@link TriageEngine}. */
    public static final class Builder {
        private TriageConfig config = TriageConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private boolean explain;
        private ResultCache cache;
        private TextClassifier classifier;
        private TriageConfig shadow;

        private Builder() {
        }

        /** Sets the configuration (default: the built-in defaults). */
        public Builder config(TriageConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Sets the clock for timestamps and ages (default: the UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sets whether results carry an explanation of every rule (default: false). */
        public Builder explain(boolean value) {
            this.explain = value;
            return this;
        }

        /**
         * Sets the result cache, which may be shared with other engines (default: a cache of
         * {@link #DEFAULT_CACHE_SIZE} results living {@code cache_ttl} when {@code cache_enabled},
         * else none).
         */
        Builder cache(ResultCache value) {
            this.cache = Objects.requireNonNull(value, "cache");
            return this;
        }

        /**
         * Sets the classifier, instead of loading the model the configuration's classifier
         * policy names (default: that model, or none). Routing follows the policy; without a
         * policy the prediction is only offered to rules ({@code predicted_category}).
         */
        public Builder classifier(Classifier value) {
            this.classifier = TextClassifier.of(Objects.requireNonNull(value, "classifier"));
            return this;
        }

        /**
         * Sets a candidate configuration that decides every ticket beside this one, and whose
         * decisions are never stored: each result carries its decision
         * ({@link TriageResult#shadow()}) and {@link TriageEngine#shadowStats()} counts agreements
         * (default: none). It reads the same clock.
         */
        public Builder shadow(TriageConfig candidate) {
            this.shadow = Objects.requireNonNull(candidate, "candidate");
            return this;
        }

        /**
         * Returns the engine.
         *
         * @throws IllegalStateException when a cache is given while the configuration has
         *     {@code cache_enabled} false
         * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} when a rule is invalid
         */
        public TriageEngine build() {
            if (cache != null && !config.cacheEnabled()) {
                throw new IllegalStateException("a result cache was given, but the configuration"
                        + " has cache_enabled false; set one or the other");
            }
            return new TriageEngine(this);
        }
    }
}
