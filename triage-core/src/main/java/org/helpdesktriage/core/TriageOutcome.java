package org.helpdesktriage.core;

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
}
