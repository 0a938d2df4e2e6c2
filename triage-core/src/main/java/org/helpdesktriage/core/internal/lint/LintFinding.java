package org.helpdesktriage.core.internal.lint;

import java.util.List;
import java.util.Objects;

/**
 * One thing a reviewer of a configuration would want to know: which check found it, the rules
 * or policies it concerns, and why, in a sentence.
 *
 * @param check the check's id: {@code shadowed}, {@code never-holds}, {@code catch-all},
 *     {@code action-undone}, {@code unreachable-sla-policy} or {@code keyword-altered}
 * @param subjects the ids of the rules or SLA policies concerned, the one to fix first
 * @param message why, naming them
 */
public record LintFinding(String check, List<String> subjects, String message) {

    /** Checks the values and copies the subjects. */
    public LintFinding {
        Objects.requireNonNull(check, "check");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return check + ": " + message;
    }
}
