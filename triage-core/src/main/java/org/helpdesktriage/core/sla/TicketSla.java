package org.helpdesktriage.core.sla;

import java.util.Objects;
import java.util.Optional;

/**
 * The SLA a stored ticket follows: its policy and its bookkeeping, or why it has none.
 *
 * @param policy the policy that applies, or {@code null} when none does
 * @param stored the SLA and its bookkeeping, or {@code null} when no policy applies
 * @param problem why the ticket cannot be measured (a date in the future, an unreadable
 *     {@code first_response_at}), or {@code null}
 */
public record TicketSla(SlaPolicy policy, StoredSla stored, String problem) {

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
    public Optional<StoredSla> state() {
        return Optional.ofNullable(stored);
    }

    /** Returns why the ticket cannot be measured, or empty. */
    public Optional<String> trouble() {
        return Optional.ofNullable(problem);
    }

    /** Returns a ticket that follows {@code policy} with {@code stored}. */
    public static TicketSla of(SlaPolicy policy, StoredSla stored) {
        return new TicketSla(Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(stored, "stored"), null);
    }
}
