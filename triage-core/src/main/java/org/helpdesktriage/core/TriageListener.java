package org.helpdesktriage.core;

import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.rules.RuleEvaluation;

/**
 * Hears what the engine does, for reports and metrics. Every method has a no-op default; the
 * engine may call it from several threads at once.
 */
public interface TriageListener {

    /** A listener that does nothing. */
    TriageListener NONE = new TriageListener() {
    };

    /** Called when a ticket has been triaged. */
    default void onTriaged(TriageResult result) {
    }

    /** Called when a record has been rejected. */
    default void onRejected(Rejection rejection) {
    }

    /** Called when a rule threw while evaluating a ticket; the rule counted as not matching. */
    default void onRuleError(String ticketId, RuleEvaluation error) {
    }
}
