package org.helpdesktriage.core.duplicates;

import java.util.Objects;

/**
 * An earlier ticket that may report the same problem as the ticket looked up.
 *
 * @param ticketId the earlier ticket's id
 * @param score how alike the two are, in [0, 1]: the share of the score the ticket would reach
 *     against an exact copy of itself, read as a percentage
 * @param reason what matched: {@code same requester}, {@code same title}, {@code similar text},
 *     joined by {@code ", "} when more than one did
 */
public record PossibleDuplicate(String ticketId, double score, String reason) {

    /** Checks the values. */
    public PossibleDuplicate {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(reason, "reason");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score " + score + " is outside [0, 1]");
        }
    }
}
