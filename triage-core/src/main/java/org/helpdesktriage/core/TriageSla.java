package org.helpdesktriage.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.internal.classify.Prediction;
import org.helpdesktriage.core.internal.rules.CompiledCondition;
import org.helpdesktriage.core.internal.rules.CompiledRule;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.internal.rules.RuleOutcome;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaPolicy;

/**
 * The SLA steps of {@link TriageEngine}: the dates check that rejects a record, the policy and
 * due times of a routed ticket, and the bookkeeping a stored ticket keeps. Immutable.
 */
final class TriageSla {

    private final TriageConfig config;
    private final SlaCalculator calculator;

    private TriageSla(TriageConfig config) {
        this.config = config;
        this.calculator = new SlaCalculator(config.sla());
    }

    /**
     * Returns the SLA steps of a configuration, or null when SLAs are off.
     *
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} when a rule applies a policy
     *     the configuration does not have
     */
    static TriageSla of(TriageConfig config, RuleSet rules) {
        for (CompiledRule rule : rules.rules()) {
            String id = rule.match().slaPolicy();
            if (id != null && config.sla().policy(id).isEmpty()) {
                throw new TriageException(ErrorCode.CONFIG_INVALID, "rule '" + rule.id()
                        + "' applies SLA policy '" + id + "', which is not configured");
            }
        }
        return config.sla().enabled() ? new TriageSla(config) : null;
    }

    /**
     * Returns the rejection of a record whose ticket has dates the clocks cannot measure (every
     * such field named), or null when the ticket is fine.
     */
    Rejection reject(RawRecord record, Ticket ticket, Instant now) {
        List<FieldError> errors = calculator.check(ticket, now);
        return errors.isEmpty() ? null
                : new Rejection(record.position(), errors, record.raw(), record.fields());
    }

    /**
     * A routed ticket with its SLA.
     *
     * @param ticket the ticket, without an {@code sla} key its input may have had
     * @param sla the SLA, or {@code null} when there is none (a note says why)
     * @param notes the result's notes, the SLA's added
     */
    record Assessed(Ticket ticket, Sla sla, List<String> notes) {
    }

    /**
     * Returns the SLA of a routed ticket: the policy a rule's {@code sla} action names, else the
     * first whose condition holds. An {@code sla} key of the input is dropped first: the SLA is
     * computed, and a stored ticket's bookkeeping comes from the store.
     */
    Assessed assess(Ticket routed, RuleOutcome outcome, Prediction prediction, Instant now,
            List<String> notes) {
        List<String> all = notes;
        Ticket ticket = routed;
        if (ticket.metadata().containsKey(Sla.Stored.METADATA_KEY)) {
            ticket = withMetadata(ticket, Sla.Stored.METADATA_KEY, null);
            all = new ArrayList<>(notes);
            all.add("metadata 'sla' of the input dropped: the SLA is computed");
        }
        // the notes are copied only when there is one to add, the rare case
        List<String> added = new ArrayList<>(0);
        Sla sla = policyAndDueTimes(ticket, outcome, prediction, now, added);
        if (!added.isEmpty()) {
            all = new ArrayList<>(all);
            all.addAll(added);
        }
        return new Assessed(ticket, sla, all);
    }

    private Sla policyAndDueTimes(Ticket ticket, RuleOutcome outcome, Prediction prediction,
            Instant now, List<String> notes) {
        List<FieldError> problems = calculator.check(ticket, now);
        if (!problems.isEmpty()) {
            notes.add("no SLA: " + problems.get(0).message());
            return null;
        }
        Optional<SlaPolicy> policy = Optional.empty();
        for (RuleMatch m : outcome.matches()) {
            if (m.slaPolicy() != null) {
                policy = config.sla().policy(m.slaPolicy());
                break;
            }
        }
        if (policy.isEmpty()) {
            Facts facts = Facts.of(ticket, now);
            if (prediction != null) {
                facts = facts.withPrediction(prediction.label(), prediction.confidence());
            }
            policy = CompiledCondition.firstHolding(config.sla().policies(),
                    SlaPolicy::condition, facts);
        }
        if (policy.isEmpty()) {
            notes.add("no SLA policy applies");
            return null;
        }
        Sla sla = calculator.assess(ticket, policy.get(), now);
        if (sla.firstResponseDue() == null || sla.resolutionDue() == null) {
            notes.add("SLA policy '" + sla.policy() + "': a due time falls after "
                    + BusinessCalendar.LATEST + " and is left out");
        }
        return sla;
    }

    /**
     * A ticket to save, with its SLA bookkeeping in the metadata, and the result that reports it.
     *
     * @param ticket the ticket to save
     * @param result the result, its SLA as stored
     */
    record Saved(Ticket ticket, TriageResult result) {
    }

    /**
     * Returns what to store for a result that has an SLA: the pauses and escalation stages of
     * the ticket as the store held it before ({@code previous}, or {@code null}) carry over, and
     * a change into or out of a pause status starts or ends one.
     */
    Saved track(Ticket previous, TriageResult result, Instant now) {
        Ticket after = result.ticket();
        SlaPolicy policy = config.sla().policy(result.sla().policy()).orElseThrow();
        Sla.Stored stored = calculator.track(previous, after, policy, now);
        return new Saved(withMetadata(after, Sla.Stored.METADATA_KEY, stored.toMetadata()),
                new TriageResult(result.ticket(), result.routing(), result.score(),
                        result.notes(), result.explanation(), result.position(), stored.sla(),
                        result.configFingerprint(), result.shadow()));
    }

    private static Ticket withMetadata(Ticket t, String key, Object value) {
        Map<String, Object> metadata = new LinkedHashMap<>(t.metadata());
        if (value == null) {
            metadata.remove(key);
        } else {
            metadata.put(key, value);
        }
        return new Ticket(t.ticketId(), t.title(), t.description(), t.requesterEmail(),
                t.category(), t.priority(), t.status(), t.createdAt(), t.updatedAt(),
                t.assignedTo(), t.tags(), metadata, t.score());
    }
}
