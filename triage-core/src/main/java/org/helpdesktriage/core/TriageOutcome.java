package org.helpdesktriage.core;

import java.util.Objects;
import org.helpdesktriage.core.ingest.Rejection;

/** What became of one input record: triaged, or rejected with its errors. */
public sealed interface TriageOutcome {

    /**
     * A record that was triaged.
     *
     * @param result the triage result
     */
    record Triaged(TriageResult result) implements TriageOutcome {
        /** Checks the value. */
        public Triaged {
            Objects.requireNonNull(result, "result");
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
