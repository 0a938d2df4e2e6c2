package org.helpdesktriage.core.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.internal.rules.CompiledCondition;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;

/**
 * Applies a configuration's SLA settings to tickets: chooses the policy, computes the due times
 * and the met flags, keeps the pause and stage bookkeeping across saves, and says where a ticket
 * stands at a moment.
 *
 * <pre>{@code
 * SlaCalculator sla = new SlaCalculator(config.sla(), clock);
 * sla.slaOf(routedTicket).ifPresent(s -> System.out.println(s.resolutionDue()));
 * sla.status(storedTicket).ifPresent(s -> System.out.println(s.overall()));
 * }</pre>
 *
 * <p>{@link #slaOf} and {@link #status(Ticket)} read the injected clock; the other methods take
 * the moment from the caller, so that one operation reads the clock once. A calculator is
 * immutable and safe to share between threads. A ticket reads as answered or resolved from its
 * metadata's {@value #FIRST_RESPONSE_AT} and {@value #RESOLVED_AT}.
 */
public final class SlaCalculator {

    /** The metadata key that says when a ticket was first answered. */
    public static final String FIRST_RESPONSE_AT = "first_response_at";

    /** The metadata key that says when a ticket was resolved. */
    public static final String RESOLVED_AT = "resolved_at";

    private static final String FORMS = "an ISO-8601 timestamp such as 2026-11-20T10:00:00Z";
    private static final List<String> ANSWERED = List.of(FIRST_RESPONSE_AT, RESOLVED_AT);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final long MAX_SECONDS = BusinessCalendar.LATEST.getEpochSecond()
            - BusinessCalendar.EARLIEST.getEpochSecond();

    private final SlaSettings settings;
    private final Clock clock;

    /** Creates a calculator over {@code settings} that reads the UTC system clock. */
    public SlaCalculator(SlaSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** Creates a calculator over {@code settings} that reads {@code clock}. */
    public SlaCalculator(SlaSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the SLA of a routed ticket now: the first policy whose condition holds, its due
     * times and met flags; empty when no policy holds or the ticket's dates cannot be measured
     * ({@link #check} says why).
     */
    public Optional<Sla> slaOf(Ticket ticket) {
        Instant now = clock.instant();
        if (!check(ticket, now).isEmpty()) {
            return Optional.empty();
        }
        return choose(ticket, now).map(p -> assess(ticket, p, now));
    }

    /**
     * Returns where a stored ticket stands now; empty when no policy applies or its SLA cannot be
     * measured ({@link #follow} says why).
     */
    public Optional<SlaStatus> status(Ticket ticket) {
        Instant now = clock.instant();
        return status(ticket, follow(ticket, now), now);
    }

    /** Returns the settings. */
    public SlaSettings settings() {
        return settings;
    }

    /**
     * Returns the first policy whose condition holds for {@code ticket} at {@code now}; a
     * condition that throws on unexpected data counts as not holding, as a rule's does.
     */
    public Optional<SlaPolicy> choose(Ticket ticket, Instant now) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(now, "now");
        return CompiledCondition.firstHolding(settings.policies(), SlaPolicy::condition,
                Facts.of(ticket, now));
    }

    /**
     * Returns what keeps a ticket's SLA from being measured, one error per field: a
     * {@code created_at} in the future or outside the supported years, a
     * {@value #FIRST_RESPONSE_AT} or {@value #RESOLVED_AT} that is not a timestamp, lies before
     * {@code created_at} or in the future. Empty when the ticket is fine.
     */
    public List<FieldError> check(Ticket ticket, Instant now) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(now, "now");
        List<FieldError> errors = new ArrayList<>(0);
        Instant created = ticket.createdAt();
        if (created.isBefore(BusinessCalendar.EARLIEST) || created.isAfter(BusinessCalendar.LATEST)) {
            errors.add(new FieldError("created_at", "created_at " + created + " is outside the "
                    + "range SLA times support (" + BusinessCalendar.EARLIEST + " to "
                    + BusinessCalendar.LATEST + ")"));
        } else if (created.isAfter(now)) {
            errors.add(new FieldError("created_at", "created_at " + created + " lies in the "
                    + "future (it is now " + now + "); an SLA clock cannot start later than now"));
        }
        Map<String, Object> meta = ticket.metadata();
        if (meta.isEmpty()) {
            return errors;
        }
        for (String key : ANSWERED) {
            Object v = meta.get(key);
            if (v == null) {
                continue;
            }
            Instant at = v instanceof String s ? Timestamps.parse(s) : null;
            if (at == null) {
                errors.add(new FieldError(key, key + " " + quote(v) + " is not " + FORMS));
            } else if (at.isBefore(created)) {
                errors.add(new FieldError(key, key + " " + at + " is before created_at "
                        + created));
            } else if (at.isAfter(now)) {
                errors.add(new FieldError(key, key + " " + at + " lies in the future (it is now "
                        + now + ")"));
            }
        }
        return errors;
    }

    /**
     * Returns the SLA of a routed ticket under {@code policy}, with no pause: due times from
     * {@code created_at}, met flags from the metadata's timestamps.
     */
    public Sla assess(Ticket ticket, SlaPolicy policy, Instant now) {
        return assess(ticket, policy, Duration.ZERO, null, now);
    }

    /**
     * Returns the bookkeeping to store with {@code current}: carries the pauses and stages of
     * the ticket as stored before ({@code previous}, or {@code null} for a new ticket), starts a
     * pause when the ticket entered a pause status, and ends one when it left.
     */
    public Sla.Stored track(Ticket previous, Ticket current, SlaPolicy policy, Instant now) {
        Objects.requireNonNull(current, "current");
        Sla.Stored before = null;
        if (previous != null) {
            try {
                before = read(previous).orElse(null);
            } catch (IllegalArgumentException unreadable) {
                // the stored bookkeeping is damaged: start it again rather than stop the import
            }
        }
        return advance(before, current, policy, now);
    }

    /**
     * Returns the bookkeeping after {@code ticket} reached its present status at {@code now},
     * starting from {@code before} (or none).
     */
    public Sla.Stored advance(Sla.Stored before, Ticket ticket, SlaPolicy policy, Instant now) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(policy, "policy");
        Duration paused = before == null ? Duration.ZERO : before.paused();
        Instant pausedSince = before == null ? null : before.sla().pausedSince();
        boolean pausing = settings.pauseStatuses().contains(ticket.status());
        if (pausedSince != null && !pausing) {
            paused = paused.plus(policy.calendar().workingTimeBetween(pausedSince, now));
            pausedSince = null;
        } else if (pausedSince == null && pausing) {
            pausedSince = now;
        }
        Sla sla = assess(ticket, policy, paused, pausedSince, now);
        return new Sla.Stored(sla, paused, before == null ? Map.of() : before.stages());
    }

    /**
     * Returns the SLA a stored ticket follows at {@code now}: the policy it was given (or, when
     * the configuration no longer has it or the ticket was stored without an SLA, the first whose
     * condition holds), with due times recomputed under the present configuration.
     */
    public TicketSla follow(Ticket ticket, Instant now) {
        Objects.requireNonNull(ticket, "ticket");
        List<FieldError> errors = check(ticket, now);
        if (!errors.isEmpty()) {
            return new TicketSla(null, null, errors.get(0).message());
        }
        Sla.Stored stored;
        try {
            stored = read(ticket).orElse(null);
        } catch (IllegalArgumentException e) {
            return new TicketSla(null, null, e.getMessage());
        }
        Optional<SlaPolicy> policy = stored == null ? Optional.empty()
                : settings.policy(stored.sla().policy());
        if (policy.isEmpty()) {
            policy = choose(ticket, now);
        }
        if (policy.isEmpty()) {
            return new TicketSla(null, null, null);
        }
        SlaPolicy p = policy.get();
        Duration paused = stored == null ? Duration.ZERO : stored.paused();
        Instant pausedSince = stored == null ? null : stored.sla().pausedSince();
        Sla sla = assess(ticket, p, paused, pausedSince, now);
        return TicketSla.of(p, new Sla.Stored(sla, paused, stored == null ? Map.of()
                : stored.stages()));
    }

    /** Returns where a stored ticket stands at {@code now}, or empty when no policy applies. */
    public Optional<SlaStatus> status(Ticket ticket, TicketSla followed, Instant now) {
        if (followed.policy() == null) {
            return Optional.empty();
        }
        Sla.Stored s = followed.stored();
        return Optional.of(new SlaStatus(ticket.ticketId(), s.sla(),
                state(ticket, followed, Sla.Target.FIRST_RESPONSE, now),
                state(ticket, followed, Sla.Target.RESOLUTION, now)));
    }

    /**
     * Returns when {@code fraction} of a target has elapsed for a followed ticket, paused time
     * added; empty when that moment falls outside the supported range.
     */
    public Optional<Instant> elapsedAt(Ticket ticket, TicketSla followed, Sla.Target target,
            double fraction) {
        Duration amount = scaled(followed.policy().target(target), fraction);
        if (amount == null) {
            return Optional.empty();
        }
        if (target == Sla.Target.RESOLUTION) {
            amount = amount.plus(followed.stored().paused());
        }
        return followed.policy().calendar().addWorkingTime(ticket.createdAt(), amount).instant();
    }

    /**
     * Returns whether {@code fraction} of a target has elapsed by {@code now} while the target is
     * open: not answered (or resolved), the ticket not finished, and, for the resolution, the
     * moment reached before a pause that holds the clock.
     */
    public boolean hasElapsed(Ticket ticket, TicketSla followed, Sla.Target target,
            double fraction, Instant now) {
        if (followed.policy() == null || ticket.status().isFinished()
                || answeredOrResolved(ticket, target) != null) {
            return false;
        }
        Optional<Instant> at = elapsedAt(ticket, followed, target, fraction);
        if (at.isEmpty()) {
            return false;
        }
        Instant stop = target == Sla.Target.RESOLUTION
                ? followed.stored().sla().pausedSince() : null;
        return !at.get().isAfter(stop != null && stop.isBefore(now) ? stop : now);
    }

    /** Returns the stored SLA of a ticket, empty when it has none. */
    public static Optional<Sla.Stored> read(Ticket ticket) {
        Object v = ticket.metadata().get(Sla.Stored.METADATA_KEY);
        return v == null ? Optional.empty() : Optional.of(Sla.Stored.fromMetadata(v));
    }

    private SlaState state(Ticket ticket, TicketSla followed, Sla.Target target, Instant now) {
        Sla sla = followed.stored().sla();
        Optional<Boolean> met = sla.met(target);
        if (met.isPresent()) {
            return met.get() ? SlaState.MET : SlaState.MISSED;
        }
        if (ticket.status().isFinished()) {
            return SlaState.DONE;
        }
        if (hasElapsed(ticket, followed, target, 1.0, now)) {
            return SlaState.BREACHED;
        }
        if (target == Sla.Target.RESOLUTION && sla.pausedSince() != null) {
            return SlaState.PAUSED;
        }
        return hasElapsed(ticket, followed, target, settings.atRisk(), now) ? SlaState.AT_RISK
                : SlaState.OK;
    }

    private Sla assess(Ticket ticket, SlaPolicy policy, Duration paused, Instant pausedSince,
            Instant now) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(policy, "policy");
        BusinessCalendar calendar = policy.calendar();
        Instant created = ticket.createdAt();
        Instant firstDue = calendar.addWorkingTime(created, policy.firstResponse())
                .instant().orElse(null);
        Duration resolution = policy.resolution().plus(paused);
        if (pausedSince != null) {
            resolution = resolution.plus(calendar.workingTimeBetween(pausedSince, now));
        }
        Instant resolutionDue = calendar.addWorkingTime(created, resolution).instant()
                .orElse(null);
        return new Sla(policy.id(), calendar.id(), firstDue, resolutionDue,
                met(answeredOrResolved(ticket, Sla.Target.FIRST_RESPONSE), firstDue),
                met(answeredOrResolved(ticket, Sla.Target.RESOLUTION), resolutionDue),
                pausedSince);
    }

    private static Boolean met(Instant at, Instant due) {
        return at == null || due == null ? null : !at.isAfter(due);
    }

    /**
     * Returns when a ticket says a target was reached ({@code first_response_at} or
     * {@code resolved_at}), read as the SLA clocks read it; empty when it does not say, or says
     * it in a form {@link #check} rejects.
     */
    public static Optional<Instant> reached(Ticket ticket, Sla.Target target) {
        return Optional.ofNullable(answeredOrResolved(ticket, target));
    }

    // null when the ticket does not say, or says it in a form check() rejects
    private static Instant answeredOrResolved(Ticket ticket, Sla.Target target) {
        if (ticket.metadata().isEmpty()) {
            return null;
        }
        Object v = ticket.metadata().get(target == Sla.Target.FIRST_RESPONSE ? FIRST_RESPONSE_AT
                : RESOLVED_AT);
        return v instanceof String s ? Timestamps.parse(s) : null;
    }

    // exact for the fractions people write (0.75, 1, 1.5); null past the supported range
    static Duration scaled(Duration target, double fraction) {
        if (fraction == 1.0) {
            return target;
        }
        BigDecimal seconds = BigDecimal.valueOf(target.getSeconds())
                .add(BigDecimal.valueOf(target.getNano()).divide(BILLION))
                .multiply(BigDecimal.valueOf(fraction)).setScale(9, RoundingMode.HALF_UP);
        if (seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            return null;
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Duration.ofSeconds(whole, nanos);
    }

    private static String quote(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /**
     * The SLA a stored ticket follows: its policy and its bookkeeping, or why it has none.
     *
     * @param policy the policy that applies, or {@code null} when none does
     * @param stored the SLA and its bookkeeping, or {@code null} when no policy applies
     * @param problem why the ticket cannot be measured (a date in the future, an unreadable
     *     {@code first_response_at}), or {@code null}
     */
    public record TicketSla(SlaPolicy policy, Sla.Stored stored, String problem) {

        /** Checks that policy and bookkeeping come together. */
        public TicketSla {
            if ((policy == null) != (stored == null)) {
                throw new IllegalArgumentException("a policy needs its bookkeeping and vice versa");
            }
            if (policy != null && problem != null) {
                throw new IllegalArgumentException("a measured ticket has no problem");
            }
        }

        /** Returns the SLA as the store keeps it, or empty when no policy applies. */
        public Optional<Sla.Stored> state() {
            return Optional.ofNullable(stored);
        }

        /** Returns why the ticket cannot be measured, or empty. */
        public Optional<String> trouble() {
            return Optional.ofNullable(problem);
        }

        /** Returns a ticket that follows {@code policy} with {@code stored}. */
        public static TicketSla of(SlaPolicy policy, Sla.Stored stored) {
            return new TicketSla(Objects.requireNonNull(policy, "policy"),
                    Objects.requireNonNull(stored, "stored"), null);
        }
    }
}
