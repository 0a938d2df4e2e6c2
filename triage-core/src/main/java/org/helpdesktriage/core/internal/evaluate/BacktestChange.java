package org.helpdesktriage.core.internal.evaluate;

import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.ingest.SourcePosition;

/**
 * A history record whose decision the candidate configuration changes.
 *
 * @param position where the record is in the history file
 * @param before the baseline's decision
 * @param after the candidate's decision
 * @param changed the fields that differ: {@code category}, {@code team}, {@code priority},
 *     {@code sla_policy}, or {@code rejected} when one configuration rejects the record
 */
public record BacktestChange(SourcePosition position, TriageDecision before, TriageDecision after,
        List<String> changed) {

    /** Checks the values and copies the list. */
    public BacktestChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changed = List.copyOf(changed);
    }
}
