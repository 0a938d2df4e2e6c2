package org.helpdesktriage.core.job;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.internal.ingest.TicketNormalizer;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.DueTime;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.WorkingInterval;

/**
 * The SLA of a ticket that is only described (a priority, a category, when it was created):
 * the policy that applies and both due times, as triage would set them for a routed ticket with
 * those values and no text. What {@code helpdesk-triage sla due} prints.
 *
 * <pre>{@code
 * SlaDue due = SlaDue.of(config, "high", "billing", Instant.parse("2026-11-20T16:30:00Z"), now);
 * due.due(Sla.Target.RESOLUTION).ifPresent(System.out::println);
 * }</pre>
 *
 * <p>The priority and category are read as a ticket's are (names or synonyms of the
 * configuration, any case). A due time beyond the calendar's reach (past 9999, or a calendar
 * with no working day left) is left out, with a note saying why.
 */
public final class SlaDue {

    private final Priority priority;
    private final String category;
    private final Instant created;
    private final SlaPolicy policy;
    private final Map<Sla.Target, Instant> due = new EnumMap<>(Sla.Target.class);
    private final List<String> notes = new ArrayList<>();

    private SlaDue(Priority priority, String category, Instant created, SlaPolicy policy) {
        this.priority = priority;
        this.category = category;
        this.created = created;
        this.policy = policy;
        if (policy == null) {
            return;
        }
        for (Sla.Target target : Sla.Target.values()) {
            DueTime d = policy.due(target, created);
            if (d instanceof DueTime.Rejected r) {
                notes.add(target.id() + "_due left out: " + r.reason());
            } else {
                due.put(target, d.instant().orElseThrow());
            }
        }
    }

    /**
     * Returns the SLA of a ticket of {@code priority} and {@code category} created at
     * {@code created}, with the policies of {@code config} chosen at {@code now}.
     *
     * @param category the category, or {@code null} for the configuration's default
     * @throws TriageException ({@link ErrorCode#CONFIG_INVALID}) when the configuration has no
     *     SLA policies
     * @throws IllegalArgumentException when the priority or category names none of the
     *     configuration's, or {@code created} lies outside the years 0001 to 9999; the message
     *     starts with the field's name ("priority 'x' is not ...")
     */
    public static SlaDue of(TriageConfig config, String priority, String category,
            Instant created, Instant now) {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(created, "created");
        if (!config.sla().enabled()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, "SLAs are off: the "
                    + "configuration has no sla.policies (docs/sla.md)");
        }
        TicketNormalizer reading = new TicketNormalizer(IngestConfig.settings(config),
                Clock.fixed(now, ZoneOffset.UTC));
        Priority p = reading.readPriority(priority).orElseThrow(() ->
                new IllegalArgumentException("priority '" + priority + "' is not critical, "
                        + "high, medium or low"));
        String c = category == null ? config.categories().fallback()
                : reading.readCategory(category).orElseThrow(() ->
                        new IllegalArgumentException("category '" + category + "' is not a "
                                + "configured category (" + String.join(", ",
                                        config.categories().names()) + ")"));
        if (created.isBefore(BusinessCalendar.EARLIEST)
                || created.isAfter(BusinessCalendar.LATEST)) {
            throw new IllegalArgumentException("created " + created
                    + " is outside the supported years 0001 to 9999");
        }
        Ticket ticket = Ticket.builder().ticketId("SLA-DUE").title("").description("")
                .requesterEmail("").category(c).priority(p).status(Status.TRIAGED)
                .createdAt(created).build();
        SlaPolicy policy = new SlaCalculator(config.sla()).choose(ticket, now)
                .orElse(null);
        return new SlaDue(p, c, created, policy);
    }

    /** Returns the priority, as read. */
    public Priority priority() {
        return priority;
    }

    /** Returns the category, as read (the default when none was given). */
    public String category() {
        return category;
    }

    /** Returns when the ticket was created. */
    public Instant created() {
        return created;
    }

    /** Returns the policy that applies, or empty when none does. */
    public Optional<SlaPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** Returns when {@code target} falls due, or empty (no policy, or beyond the calendar). */
    public Optional<Instant> due(Sla.Target target) {
        return Optional.ofNullable(due.get(target));
    }

    /**
     * Returns the working intervals the due time of {@code target} counts from creation, at most
     * {@code max} of them; empty without a due time.
     */
    public List<WorkingInterval> counted(Sla.Target target, int max) {
        Instant d = due.get(target);
        return d == null ? List.of() : policy.calendar().workingIntervals(created, d, max);
    }

    /** Returns why a due time was left out, one line each. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
