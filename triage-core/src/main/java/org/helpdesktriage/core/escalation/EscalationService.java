package org.helpdesktriage.core.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * Decides which tickets escalate and escalates them.
 *
 * <pre>{@code
 * EscalationService service = new EscalationService(config.escalation(), config.sla(), clock);
 * service.escalate(ticket).ifPresent(e -> store.save(e.ticket()));
 * }</pre>
 *
 * <p>Without SLA escalation stages, a ticket escalates when it is not resolved, closed or
 * already escalated, and either it is critical (with {@code auto_escalate_critical}) or its age
 * exceeds the threshold. Escalating raises the priority one step (critical stays critical), sets
 * the status to escalated, records {@code escalated_at} and {@code escalation_reason} in the
 * metadata and updates {@code updated_at}.
 *
 * <p>With stages ({@code sla.escalation}), they replace the threshold: each stage applies once
 * per ticket, in order, when its fraction of the ticket's SLA target has elapsed in the policy's
 * calendar time; several may apply at once ({@link StageEscalator}). All times come from the
 * injected clock.
 */
public final class EscalationService {

    private final Policy policy;
    private final Clock clock;
    private final StageEscalator stages;

    /** Creates a service applying the age threshold of {@code policy}, with time from {@code clock}. */
    public EscalationService(Policy policy, Clock clock) {
        this(policy, SlaSettings.none(), clock);
    }

    /**
     * Creates a service that applies the SLA escalation stages of {@code sla} when it has any,
     * else the age threshold of {@code policy}.
     */
    public EscalationService(Policy policy, SlaSettings sla, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stages = Objects.requireNonNull(sla, "sla").hasStages() && sla.enabled()
                ? new StageEscalator(sla) : null;
    }

    /**
     * An escalated ticket and why.
     *
     * @param before the ticket before escalation
     * @param ticket the escalated ticket
     * @param reason why it escalated
     * @param stage the id of the SLA escalation stage that applied, or {@code null} for the age
     *     threshold
     */
    public record Escalation(Ticket before, Ticket ticket, String reason, String stage) {

        /** Creates an escalation by the age threshold. */
        public Escalation(Ticket before, Ticket ticket, String reason) {
            this(before, ticket, reason, null);
        }

        /** Returns the stage that applied, or empty for the age threshold. */
        public Optional<String> slaStage() {
            return Optional.ofNullable(stage);
        }
    }

    /**
     * What checking one ticket found.
     *
     * @param escalations what applies now, in order; each one's {@code before} is the previous
     *     one's {@code ticket}
     * @param problem why the ticket's SLA could not be measured (it was not escalated), or
     *     {@code null}
     */
    public record Check(List<Escalation> escalations, String problem) {

        /** Copies the list. */
        public Check {
            escalations = List.copyOf(escalations);
        }
    }

    /** Returns whether SLA escalation stages replace the age threshold. */
    public boolean usesStages() {
        return stages != null;
    }

    /** Returns every escalation due for {@code ticket} now, and any problem measuring it. */
    public Check check(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Instant now = clock.instant();
        if (stages != null) {
            return stages.check(ticket, now);
        }
        return new Check(byThreshold(ticket, now).map(List::of).orElse(List.of()), null);
    }

    /**
     * Escalates {@code ticket} if it is due; returns the escalation, or empty. When several
     * stages apply at once, the one escalation holds the ticket after all of them, their reasons
     * and their ids joined.
     */
    public Optional<Escalation> escalate(Ticket ticket) {
        List<Escalation> all = check(ticket).escalations();
        if (all.size() <= 1) {
            return all.stream().findFirst();
        }
        Escalation last = all.get(all.size() - 1);
        return Optional.of(new Escalation(ticket, last.ticket(), all.stream()
                .map(Escalation::reason).collect(Collectors.joining("; ")), all.stream()
                .map(Escalation::stage).collect(Collectors.joining(","))));
    }

    private Optional<Escalation> byThreshold(Ticket ticket, Instant now) {
        return thresholdReason(ticket, now).map(reason -> {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("escalated_at", now.toString());
            meta.put("escalation_reason", reason);
            Ticket escalated = ticket.withEscalation(ticket.priority().raised(), Status.ESCALATED,
                    meta, now);
            return new Escalation(ticket, escalated, reason);
        });
    }

    private Optional<String> thresholdReason(Ticket ticket, Instant now) {
        if (ticket.status().isFinished() || ticket.status() == Status.ESCALATED) {
            return Optional.empty();
        }
        if (policy.autoEscalateCritical() && ticket.priority() == Priority.CRITICAL) {
            return Optional.of("critical priority");
        }
        double ageHours = Duration.between(ticket.createdAt(), now).toMillis() / 3_600_000.0;
        if (ageHours > policy.thresholdHours()) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "open for %.1f hours, over the %s-hour threshold", ageHours,
                    trim(policy.thresholdHours())));
        }
        return Optional.empty();
    }

    private static String trim(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    /**
     * When a ticket escalates.
     *
     * @param thresholdHours an unfinished ticket older than this escalates
     * @param autoEscalateCritical whether an unfinished critical ticket escalates whatever its age
     */
    public record Policy(double thresholdHours, boolean autoEscalateCritical) {

        /** Checks the threshold. */
        public Policy {
            if (!(thresholdHours > 0) || Double.isInfinite(thresholdHours)) {
                throw new IllegalArgumentException(
                        "escalation_threshold_hours must be a number > 0, got " + thresholdHours);
            }
        }

        /** Returns the defaults: 24 hours, critical tickets escalate at once. */
        public static Policy defaults() {
            return new Policy(24, true);
        }
    }
}
