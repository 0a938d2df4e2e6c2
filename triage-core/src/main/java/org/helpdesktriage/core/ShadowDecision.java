package org.helpdesktriage.core;

import java.util.List;
import java.util.Objects;

/**
 * What the shadow (candidate) configuration decided for a ticket the live configuration
 * triaged, and how it compares: a result's {@link TriageResult#shadow()}.
 *
 * @param decision the candidate's decision, or its rejection of the record
 * @param changed what differs from the live decision ({@link TriageDecision#differences}):
 *     empty when the two agree
 */
public record ShadowDecision(TriageDecision decision, List<String> changed) {

    /** Checks the values and copies the list. */
    public ShadowDecision {
        Objects.requireNonNull(decision, "decision");
        changed = List.copyOf(changed);
    }

    /** Returns whether the candidate decided as the live configuration did. */
    public boolean agrees() {
        return changed.isEmpty();
    }
}
