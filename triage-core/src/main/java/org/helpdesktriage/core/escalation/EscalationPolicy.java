package org.helpdesktriage.core.escalation;

/**
 * When a ticket escalates.
 *
 * @param thresholdHours an unfinished ticket older than this escalates
 * @param autoEscalateCritical whether an unfinished critical ticket escalates whatever its age
 */
public record EscalationPolicy(double thresholdHours, boolean autoEscalateCritical) {

    /** Checks the threshold. */
    public EscalationPolicy {
        if (!(thresholdHours > 0) || Double.isInfinite(thresholdHours)) {
            throw new IllegalArgumentException(
                    "escalation_threshold_hours must be a number > 0, got " + thresholdHours);
        }
    }

    /** Returns the defaults: 24 hours, critical tickets escalate at once. */
    public static EscalationPolicy defaults() {
        return new EscalationPolicy(24, true);
    }
}
