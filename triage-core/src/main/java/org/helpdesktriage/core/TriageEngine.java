package org.helpdesktriage.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.helpdesktriage.core.classify.ClassifierModel;
import org.helpdesktriage.core.classify.Prediction;
import org.helpdesktriage.core.classify.TextClassifier;
import org.helpdesktriage.core.config.ConfigFingerprint;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.FieldError;
import org.helpdesktriage.core.ingest.Ingested;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.ingest.TicketNormalizer;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.Router;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.Facts;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.rules.RuleMatch;
import org.helpdesktriage.core.rules.RuleEvaluation;
import org.helpdesktriage.core.rules.RuleOutcome;
import org.helpdesktriage.core.rules.RuleSet;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.scoring.Scorer;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.TicketStore;
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
 */
public final class TriageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TriageEngine.class);

    /** How many results the default cache holds. */
    public static final long DEFAULT_CACHE_SIZE = 10_000;

    private final TriageConfig config;
    private final Clock clock;
    private final boolean explain;
    private final TriageListener listener;
    private final RuleSet rules;
    private final TextClassifier classifier;
    private final Router router;
    private final RuleSet overrideRules;
    private final Scorer scorer;
    private final TicketNormalizer normalizer;
    private final ResultCache cache;
    private final String fingerprint;
    private final TicketStore store;
    private final TriageSla sla;
    private final StoredImport stored;
    private final Shadow shadow;

    private TriageEngine(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.explain = b.explain;
        this.listener = b.listener;
        this.rules = RuleSet.compile(config.rules(), config.categories(), config.matchMode());
        this.classifier = b.classifier != null ? b.classifier
                : config.classifierPolicy().map(p -> ClassifierModel.load(p.model())).orElse(null);
        checkLabels(classifier, config);
        Set<String> overrides = overrideIds(config);
        this.router = new Router(config.categories(), config.classifierPolicy().orElse(null),
                overrides);
        // under rules_override an override rule must decide even where an ordinary rule
        // matched first (match mode first) or stopped the rules (match mode all)
        this.overrideRules = overrides.isEmpty() || config.classifierPolicy()
                .filter(p -> p.decision() == ClassifierPolicy.Decision.RULES_OVERRIDE)
                .isEmpty() ? null
                : RuleSet.compile(config.rules().stream()
                        .filter(r -> Boolean.TRUE.equals(r.override())).toList(),
                        config.categories(), MatchMode.FIRST);
        this.scorer = b.scorer == null ? Scorer.weighted(config.scoring()) : b.scorer;
        this.normalizer = new TicketNormalizer(config.ingestSettings(), clock);
        // a model handed to the builder counts by its content, as a configured model file does
        this.fingerprint = b.classifier != null
                ? ConfigFingerprint.of(config, ClassifierModel.sha256(b.classifier))
                : ConfigFingerprint.of(config);
        this.store = b.store;
        this.cache = b.cache != null ? b.cache
                : config.cacheEnabled() ? ResultCache.create(config.cacheTtl(), DEFAULT_CACHE_SIZE)
                : null;
        this.sla = TriageSla.of(config, rules);
        this.stored = store == null ? null : new StoredImport(store,
                b.audit == null ? AuditLog.noop() : b.audit,
                sla, b.actor == null ? "helpdesk-triage" : b.actor, b.runId, clock);
        this.shadow = b.shadow == null ? null : new Shadow(b.shadow, config, clock);
        LOG.info("engine built: {} rule(s) compiled ({} match), classifier {}, cache {}, "
                + "store {}", rules.rules().size(), config.matchMode(),
                classifier == null ? "none" : "with " + classifier.labels().size() + " labels",
                cache == null ? "off" : "on", store == null ? "none" : store.getClass()
                        .getSimpleName());
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
     * canonical JSON and of the classifier's model ({@link ConfigFingerprint}).
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Returns the result cache, or empty when caching is off. */
    public Optional<ResultCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** Returns the shadow configuration that decides beside this one, or empty. */
    public Optional<Shadow> shadow() {
        return Optional.ofNullable(shadow);
    }

    /** Returns the compiled rules, in evaluation order. */
    public RuleSet rules() {
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
        return triage(record, null);
    }

    /**
     * Triages one record; with {@code pending}, the store writes are added to it instead of
     * done at once, for {@link #save(PendingWrites)} to do a whole chunk in one call.
     */
    TriageOutcome triage(RawRecord record, PendingWrites pending) {
        Objects.requireNonNull(record, "record");
        Ingested ingested = normalize(record);
        // the candidate decides on the record as it was parsed once, and keeps nothing
        TriageOutcome candidate = shadow == null ? null : shadow.decide(record, ingested);
        return triage(record, ingested, pending, candidate);
    }

    /**
     * Triages a record normalised by this engine or by one with the same ingest settings; a
     * shadow's candidate engine is handed the live engine's work this way.
     */
    TriageOutcome triage(RawRecord record, Ingested ingested, PendingWrites pending,
            TriageOutcome candidate) {
        if (ingested instanceof Ingested.Accepted accepted) {
            Rejection late = sla == null ? null
                    : sla.reject(record, accepted.ticket(), clock.instant());
            if (late == null) {
                TriageResult result = triage(accepted.ticket(), accepted.notes(),
                        accepted.position(), pending, candidate);
                return new TriageOutcome.Triaged(result);
            }
            ingested = new Ingested.Rejected(late);
        }
        Ingested.Rejected rejected = (Ingested.Rejected) ingested;
        if (shadow != null) {
            shadow.compareRejected(candidate);
        }
        listener.onRejected(rejected.rejection());
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
        return triage(ticket, List.of(), null, null,
                shadow == null ? null : shadow.decide(ticket));
    }

    private TriageResult triage(Ticket ticket, List<String> inputNotes, SourcePosition position,
            PendingWrites pending, TriageOutcome candidate) {
        TriageResult result;
        if (cache == null) {
            result = decide(ticket, inputNotes, position);
        } else {
            TriageResult cached = cache.get(new ResultCache.Key(fingerprint, explain, ticket),
                    key -> decide(ticket, List.of(), null));
            List<String> notes = inputNotes;
            if (!cached.notes().isEmpty()) {
                notes = new ArrayList<>(inputNotes);
                notes.addAll(cached.notes());
            }
            result = new TriageResult(cached.ticket(), cached.routing(), cached.score(), notes,
                    cached.explanation(), position, cached.sla(), fingerprint);
        }
        if (candidate != null) {
            result = result.withShadow(shadow.compare(result, candidate));
        }
        if (stored != null) {
            if (pending != null && store.savesInChunks()) {
                // reported, with the ticket as stored, by save(pending, ...)
                pending.add(ticket, result);
                return result;
            }
            result = stored.save(ticket, result);
        }
        listener.onTriaged(result);
        return result;
    }

    /** Returns whether a batch should collect a chunk's store writes for one call. */
    boolean savesInChunks() {
        return store != null && store.savesInChunks();
    }

    /**
     * Saves a chunk's tickets with their audit entries in one call to the store
     * ({@link TicketStore#saveAll}: one transaction for a store that has them), empties it, and
     * returns {@code outcomes} with each triaged one reporting its ticket as stored.
     */
    List<TriageOutcome> save(PendingWrites pending, List<TriageOutcome> outcomes) {
        if (pending.arriving.isEmpty()) {
            return outcomes;
        }
        List<TriageResult> done = stored.saveAll(pending.arriving, pending.results);
        Map<TriageResult, TriageResult> byProvisional = new IdentityHashMap<>();
        for (int i = 0; i < done.size(); i++) {
            byProvisional.put(pending.results.get(i), done.get(i));
        }
        pending.arriving.clear();
        pending.results.clear();
        List<TriageOutcome> out = new ArrayList<>(outcomes.size());
        for (TriageOutcome o : outcomes) {
            TriageResult stored = o instanceof TriageOutcome.Triaged t
                    ? byProvisional.get(t.result()) : null;
            if (stored == null) {
                out.add(o);
            } else {
                listener.onTriaged(stored);
                out.add(new TriageOutcome.Triaged(stored));
            }
        }
        return out;
    }

    /** The store writes of one chunk, kept until {@link #save}; one thread's. */
    static final class PendingWrites {
        private final List<Ticket> arriving = new ArrayList<>();
        private final List<TriageResult> results = new ArrayList<>();

        void add(Ticket ticket, TriageResult result) {
            arriving.add(ticket);
            results.add(result);
        }
    }

    private TriageResult decide(Ticket ticket, List<String> inputNotes, SourcePosition position) {
        Instant now = clock.instant();
        Facts facts = Facts.of(ticket, now);
        Prediction prediction = null;
        if (classifier != null) {
            prediction = classifier.predictTop(ticket.title(), ticket.description());
            facts = facts.withPrediction(prediction.label(), prediction.confidence());
        }
        RuleOutcome outcome = rules.evaluate(facts, explain);
        if (overrideRules != null) {
            outcome = withOverride(outcome, facts);
        }
        List<String> notes = inputNotes;
        if (!outcome.errors().isEmpty()) {
            notes = new ArrayList<>(inputNotes);
            for (RuleEvaluation error : outcome.errors()) {
                notes.add("rule '" + error.ruleId() + "' failed and counted as not matching: "
                        + error.detail());
                listener.onRuleError(ticket.ticketId(), error);
            }
        }
        Router.Decision decision = router.route(ticket, outcome, prediction);
        Routing routing = decision.routing();
        if (!decision.notes().isEmpty()) {
            if (notes == inputNotes) {
                notes = new ArrayList<>(inputNotes);
            }
            notes.addAll(decision.notes());
        }
        Score score = scorer.score(routing.priority(), facts.text());
        Status status = ticket.status() == Status.NEW ? Status.TRIAGED : ticket.status();
        if (status != Status.TRIAGED) {
            if (notes == inputNotes) {
                notes = new ArrayList<>(inputNotes);
            }
            notes.add("status '" + status.id() + "' kept: only new tickets move to triaged");
        }
        Ticket triaged = ticket.withTriage(routing.category(), routing.priority(),
                routing.assignedTo(), decision.tags(), score.total(), status, now);
        Sla slaOf = null;
        if (sla != null) {
            TriageSla.Assessed assessed = sla.assess(triaged, outcome, prediction, now, notes);
            triaged = assessed.ticket();
            slaOf = assessed.sla();
            notes = assessed.notes();
        }
        return new TriageResult(triaged, routing, score, notes, outcome.evaluations(), position,
                slaOf, fingerprint);
    }

    private RuleOutcome withOverride(RuleOutcome outcome, Facts facts) {
        for (RuleMatch m : outcome.matches()) {
            if (overrideRules.rule(m.ruleId()).isPresent()) {
                return outcome;
            }
        }
        RuleOutcome override = overrideRules.evaluate(facts, false);
        if (override.matches().isEmpty()) {
            return outcome;
        }
        List<RuleMatch> matches = new ArrayList<>(override.matches());
        matches.addAll(outcome.matches());
        return new RuleOutcome(matches, outcome.evaluations(), outcome.errors());
    }

    private static Set<String> overrideIds(TriageConfig config) {
        Set<String> ids = new HashSet<>();
        for (RuleDefinition r : config.rules()) {
            if (r != null && Boolean.TRUE.equals(r.override()) && r.id() != null) {
                ids.add(r.id().trim());
            }
        }
        return ids;
    }

    // a model that predicts categories the configuration does not have could not be routed
    private static void checkLabels(TextClassifier classifier, TriageConfig config) {
        if (classifier == null) {
            return;
        }
        List<String> unknown = classifier.labels().stream()
                .filter(l -> !config.categories().contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, "the classifier predicts "
                    + unknown + ", which are not configured categories "
                    + config.categories().names() + "; train with --label-map or add them");
        }
    }

    /** Returns the classifier, or empty when routing uses rules only. */
    public Optional<TextClassifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    /** Builds a {@link TriageEngine}. */
    public static final class Builder {
        private TriageConfig config = TriageConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private boolean explain;
        private TriageListener listener = TriageListener.NONE;
        private Scorer scorer;
        private ResultCache cache;
        private TextClassifier classifier;
        private TicketStore store;
        private AuditLog audit;
        private String actor;
        private String runId;
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

        /** Sets a listener for results, rejections and rule errors (default: none). */
        public Builder listener(TriageListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Replaces the configured weighted scorer. */
        public Builder scorer(Scorer value) {
            this.scorer = Objects.requireNonNull(value, "scorer");
            return this;
        }

        /**
         * Sets the result cache, which may be shared with other engines (default: a cache of
         * {@link #DEFAULT_CACHE_SIZE} results living {@code cache_ttl} when {@code cache_enabled},
         * else none).
         */
        public Builder cache(ResultCache value) {
            this.cache = Objects.requireNonNull(value, "cache");
            return this;
        }

        /**
         * Sets the classifier, instead of loading the model the configuration's classifier
         * policy names (default: that model, or none). Routing follows the policy; without a
         * policy the prediction is only offered to rules ({@code predicted_category}).
         */
        public Builder classifier(TextClassifier value) {
            this.classifier = Objects.requireNonNull(value, "classifier");
            return this;
        }

        /**
         * Sets a store: every triaged ticket is saved to it with an audit entry (default: no
         * store). A ticket whose id is stored is updated, not replaced: what the source states
         * replaces the stored value, what triage or an escalation decided earlier stays unless
         * the source changed it or the new decision raises the priority, and a record that
         * changes nothing writes nothing (see docs/data-directory.md, "Re-import").
         */
        public Builder store(TicketStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Sets the audit log that stored tickets are recorded in (default: none). */
        public Builder auditLog(AuditLog value) {
            this.audit = Objects.requireNonNull(value, "auditLog");
            return this;
        }

        /** Sets who audit entries name as the actor (default: helpdesk-triage). */
        public Builder actor(String value) {
            this.actor = Objects.requireNonNull(value, "actor");
            return this;
        }

        /** Sets the run id audit entries carry (default: none). */
        public Builder runId(String value) {
            this.runId = Objects.requireNonNull(value, "runId");
            return this;
        }

        /**
         * Sets a candidate configuration that decides every ticket beside this one, without a
         * store, an audit log or a listener: each result carries its decision
         * ({@link TriageResult#shadow()}) and {@link TriageEngine#shadow()} counts agreements
         * (default: none). It reads the same clock.
         */
        public Builder shadow(TriageConfig candidate) {
            this.shadow = Objects.requireNonNull(candidate, "candidate");
            return this;
        }

        /**
         * Returns the engine.
         *
         * @throws IllegalStateException when settings contradict each other: an audit log, an
         *     actor or a run id without a store (nothing would be audited), or a cache while the
         *     configuration has {@code cache_enabled} false
         * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} when a rule is invalid
         */
        public TriageEngine build() {
            if (store == null) {
                refuse(audit != null, "an audit log");
                refuse(actor != null, "an actor");
                refuse(runId != null, "a run id");
            }
            if (cache != null && !config.cacheEnabled()) {
                throw new IllegalStateException("a result cache was given, but the configuration"
                        + " has cache_enabled false; set one or the other");
            }
            return new TriageEngine(this);
        }

        private static void refuse(boolean set, String what) {
            if (set) {
                throw new IllegalStateException(what + " was given without a store: audit "
                        + "entries are written only for stored tickets; set store(...) too");
            }
        }
    }
}
