package org.helpdesktriage.core.sla;

import java.util.Locale;

/**
 * Where a ticket stands against an SLA target at a moment, from the most to the least urgent.
 * The first four are open targets; the last three are settled.
 */
public enum SlaState {
    /** The target has passed and the ticket has not met it. */
    BREACHED,
    /** At least the {@code at_risk} fraction of the target has elapsed. */
    AT_RISK,
    /** The resolution clock stands still in a pause status. */
    PAUSED,
    /** Less than the {@code at_risk} fraction has elapsed. */
    OK,
    /** The ticket says it was answered or resolved after the due time. */
    MISSED,
    /** The ticket says it was answered or resolved in time. */
    MET,
    /** The ticket is resolved or closed without saying when: nothing left to measure. */
    DONE;

    /** Returns the name used in output ("at_risk"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether the target is still running or paused. */
    public boolean isOpen() {
        return ordinal() <= OK.ordinal();
    }

    /** Returns the more urgent of two states, for a ticket's overall state. */
    public static SlaState worst(SlaState a, SlaState b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return id();
    }
}
