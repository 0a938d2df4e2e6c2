package org.helpdesktriage.core.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.ingest.Rejection;
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
public record BacktestChange(SourcePosition position, Decision before, Decision after,
        List<String> changed) {

    /** Checks the values and copies the list. */
    public BacktestChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changed = List.copyOf(changed);
    }

    /**
     * What one configuration decided for a record.
     *
     * @param ticketId the ticket's id, or {@code null} when the record was rejected without one
     * @param category the routed category, {@code null} when rejected
     * @param team the team assigned, {@code null} when rejected
     * @param priority the priority's id, {@code null} when rejected
     * @param slaPolicy the SLA policy, {@code null} when none applies or rejected
     * @param rule the rule that decided the route, or {@code null} when none did
     * @param rejection why the record was rejected, {@code null} when it was triaged
     */
    public record Decision(String ticketId, String category, String team, String priority,
            String slaPolicy, String rule, String rejection) {

        static Decision of(TriageResult r) {
            return new Decision(r.ticket().ticketId(), r.routing().category(),
                    r.routing().assignedTo(), r.routing().priority().id(),
                    r.sla() == null ? null : r.sla().policy(), r.routing().ruleMatched(), null);
        }

        static Decision rejected(Rejection rejection) {
            return new Decision(null, null, null, null, null, null, rejection.message());
        }

        /** Returns whether the record was rejected. */
        public boolean isRejected() {
            return rejection != null;
        }

        List<String> differences(Decision other) {
            List<String> out = new ArrayList<>(4);
            if (isRejected() || other.isRejected()) {
                if (isRejected() != other.isRejected()) {
                    out.add("rejected");
                }
                return out;
            }
            if (!Objects.equals(category, other.category)) {
                out.add("category");
            }
            if (!Objects.equals(team, other.team)) {
                out.add("team");
            }
            if (!Objects.equals(priority, other.priority)) {
                out.add("priority");
            }
            if (!Objects.equals(slaPolicy, other.slaPolicy)) {
                out.add("sla_policy");
            }
            return out;
        }
    }
}
