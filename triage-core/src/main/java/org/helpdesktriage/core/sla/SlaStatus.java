package org.helpdesktriage.core.sla;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one ticket stands against its SLA at a moment: each target's state and the most
 * urgent of them.
 *
 * @param ticketId the ticket
 * @param sla the ticket's SLA at that moment
 * @param firstResponse the first-response target's state
 * @param resolution the resolution target's state
 */
public record SlaStatus(String ticketId, Sla sla, SlaState firstResponse, SlaState resolution) {

    /** Checks the values. */
    public SlaStatus {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * Returns the ticket's overall state: the most urgent open target's, else missed when a
     * target was missed, met when one was met, done otherwise.
     */
    public SlaState overall() {
        SlaState worst = SlaState.worst(firstResponse, resolution);
        if (worst.isOpen()) {
            return worst;
        }
        if (firstResponse == SlaState.MISSED || resolution == SlaState.MISSED) {
            return SlaState.MISSED;
        }
        return firstResponse == SlaState.MET || resolution == SlaState.MET ? SlaState.MET
                : SlaState.DONE;
    }

    /**
     * Where a ticket stands against an SLA target at a moment, from the most to the least urgent.
     * The first four are open targets; the last three are settled.
     */
    public enum SlaState {
        /** The target has passed and the ticket has not met it. */
        BREACHED,
        /** At least the {@code at_risk} fraction of the target has elapsed. */
        AT_RISK,
        /** The resolution clock stands still in a pause status. */
        PAUSED,
        /** Less than the {@code at_risk} fraction has elapsed. */
        OK,
        /** The ticket says it was answered or resolved after the due time. */
        MISSED,
        /** The ticket says it was answered or resolved in time. */
        MET,
        /** The ticket is resolved or closed without saying when: nothing left to measure. */
        DONE;

        /** Returns the name used in output ("at_risk"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns whether the target is still running or paused. */
        public boolean isOpen() {
            return ordinal() <= OK.ordinal();
        }

        /** Returns the more urgent of two states, for a ticket's overall state. */
        public static SlaState worst(SlaState a, SlaState b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        @Override
        public String toString() {
            return id();
        }
    }
}
