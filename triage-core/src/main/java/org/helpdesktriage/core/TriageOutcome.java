package org.helpdesktriage.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.model.Ticket;

/** What became of one input record: triaged, or rejected with its errors. */
public sealed interface TriageOutcome {

    /**
     * A record that was triaged.
     *
     * @param result the triage result
     * @param arriving the ticket as the record stated it, normalised and validated, before
     *     triage: what {@link StoringStep} merges into the ticket a store already holds
     */
    record Triaged(TriageResult result, Ticket arriving) implements TriageOutcome {
        /** Checks the values. */
        public Triaged {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(arriving, "arriving");
        }
    }

    /**
     * A record that could not be parsed or did not validate.
     *
     * @param rejection the record's position, errors and raw text
     */
    record Rejected(Rejection rejection) implements TriageOutcome {
        /** Checks the value. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * What one configuration decided for a record: the route, the rule behind it and the SLA
     * policy, or why the record was rejected. A backtest compares two of them per history record,
     * shadow mode the live one with the candidate's.
     *
     * <pre>{@code
     * List<String> changed = TriageDecision.of(live).differences(TriageDecision.of(candidate));
     * }</pre>
     *
     * @param ticketId the ticket's id, or {@code null} when the record was rejected without one
     * @param category the routed category, {@code null} when rejected
     * @param team the team assigned, {@code null} when rejected
     * @param priority the priority's id, {@code null} when rejected
     * @param slaPolicy the SLA policy, {@code null} when none applies or rejected
     * @param rule the rule that decided the route, or {@code null} when none did
     * @param rejection why the record was rejected, {@code null} when it was triaged
     */
    public record TriageDecision(String ticketId, String category, String team, String priority,
            String slaPolicy, String rule, String rejection) {

        /** Returns the decision a result carries. */
        public static TriageDecision of(TriageResult r) {
            Objects.requireNonNull(r, "result");
            return new TriageDecision(r.ticket().ticketId(), r.routing().category(),
                    r.routing().assignedTo(), r.routing().priority().id(),
                    r.sla() == null ? null : r.sla().policy(), r.routing().ruleMatched(), null);
        }

        /** Returns the decision of an outcome: its result's, or a rejection. */
        public static TriageDecision of(TriageOutcome outcome) {
            Objects.requireNonNull(outcome, "outcome");
            if (outcome instanceof TriageOutcome.Triaged t) {
                return of(t.result());
            }
            return rejected(((TriageOutcome.Rejected) outcome).rejection());
        }

        /** Returns the decision to reject a record. */
        public static TriageDecision rejected(Rejection rejection) {
            Objects.requireNonNull(rejection, "rejection");
            return new TriageDecision(null, null, null, null, null, null, rejection.message());
        }

        /** Returns whether the record was rejected. */
        public boolean isRejected() {
            return rejection != null;
        }

        /**
         * Returns what differs from {@code other}: {@code category}, {@code team},
         * {@code priority}, {@code sla_policy} in that order, or {@code rejected} when one of the
         * two rejects the record; empty when they decide alike (two rejections decide alike).
         * The rule is not compared: another rule that routes the same way changes nothing for
         * the ticket.
         */
        public List<String> differences(TriageDecision other) {
            Objects.requireNonNull(other, "other");
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
