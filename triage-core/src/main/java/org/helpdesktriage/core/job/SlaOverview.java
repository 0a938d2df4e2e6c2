package org.helpdesktriage.core.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.sla.StoredSlaStatus;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;
import org.helpdesktriage.core.sla.SlaStatus;
import org.helpdesktriage.core.sla.SlaCalculator.TicketSla;

/**
 * Stored tickets by SLA state at an instant, the most urgent first: what
 * {@code helpdesk-triage sla status} lists.
 *
 * <pre>{@code
 * SlaOverview overview = SlaOverview.of(config, store.scan().tickets(), clock.instant());
 * overview.entries().stream().filter(e -> e.state() == SlaState.BREACHED).forEach(...);
 * }</pre>
 *
 * <p>A ticket's due times are those stored on it by triage and escalate, not recomputed from
 * the calendars of the configuration in effect; a ticket stored without an SLA is measured by
 * the configuration. A ticket's state is its most urgent open target's. A ticket whose SLA
 * cannot be measured (a date in the future, say) is {@linkplain #unmeasured() named}, not
 * listed; one no policy applies to is counted.
 */
public final class SlaOverview {

    private final List<Entry> entries;
    private final Map<SlaState, Integer> counts;
    private final List<Unmeasured> unmeasured;
    private final int withoutPolicy;

    private SlaOverview(List<Entry> entries, Map<SlaState, Integer> counts,
            List<Unmeasured> unmeasured, int withoutPolicy) {
        this.entries = List.copyOf(entries);
        this.counts = Collections.unmodifiableMap(counts);
        this.unmeasured = List.copyOf(unmeasured);
        this.withoutPolicy = withoutPolicy;
    }

    /**
     * Measures {@code tickets} at {@code now} with the SLA settings of {@code config}.
     *
     * @throws TriageException ({@link ErrorCode#CONFIG_INVALID}) when the configuration has no
     *     SLA policies
     */
    public static SlaOverview of(TriageConfig config, List<Ticket> tickets, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!config.sla().enabled()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, "SLAs are off: the "
                    + "configuration has no sla.policies (docs/sla.md)");
        }
        SlaCalculator calculator = new SlaCalculator(config.sla());
        List<Entry> entries = new ArrayList<>();
        Map<SlaState, Integer> counts = new EnumMap<>(SlaState.class);
        List<Unmeasured> unmeasured = new ArrayList<>();
        int withoutPolicy = 0;
        for (Ticket t : tickets) {
            TicketSla followed = calculator.follow(t, now);
            if (followed.problem() != null) {
                unmeasured.add(new Unmeasured(t.ticketId(), followed.problem()));
                continue;
            }
            Optional<SlaStatus> status;
            try {
                status = StoredSlaStatus.of(t, config.sla(), now)
                        .or(() -> calculator.status(t, followed, now));
            } catch (IllegalArgumentException e) {
                status = calculator.status(t, followed, now);
            }
            if (status.isEmpty()) {
                withoutPolicy++;
                continue;
            }
            Entry entry = new Entry(t, status.get());
            counts.merge(entry.state(), 1, Integer::sum);
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(Entry::state)
                .thenComparing(Entry::nextDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> e.ticket().ticketId()));
        return new SlaOverview(entries, counts, unmeasured, withoutPolicy);
    }

    /** Returns the tickets with an SLA, the most urgent first: by state, then next due time. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns how many tickets are in each state (only states some ticket is in). */
    public Map<SlaState, Integer> counts() {
        return counts;
    }

    /** Returns the tickets whose SLA cannot be measured, and why. */
    public List<Unmeasured> unmeasured() {
        return unmeasured;
    }

    /** Returns how many tickets no SLA policy applies to. */
    public int withoutPolicy() {
        return withoutPolicy;
    }

    /**
     * A ticket and its SLA status.
     *
     * @param ticket the stored ticket
     * @param status its targets' states and due times
     */
    public record Entry(Ticket ticket, SlaStatus status) {

        /** Returns the ticket's state: its most urgent open target's. */
        public SlaState state() {
            return status.overall();
        }

        /** Returns the due time of the most urgent open target, or {@code null} when none. */
        public Instant nextDue() {
            Instant fr = status.firstResponse().isOpen() ? status.sla().firstResponseDue() : null;
            Instant res = status.resolution().isOpen() ? status.sla().resolutionDue() : null;
            if (fr == null) {
                return res;
            }
            return res == null || fr.isBefore(res) ? fr : res;
        }
    }

    /**
     * A ticket whose SLA cannot be measured.
     *
     * @param ticketId the ticket's id
     * @param problem why
     */
    public record Unmeasured(String ticketId, String problem) {
    }
}
