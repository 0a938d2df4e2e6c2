package org.helpdesktriage.core.sla;

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
}
