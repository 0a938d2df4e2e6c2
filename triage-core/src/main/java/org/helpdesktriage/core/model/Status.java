package org.helpdesktriage.core.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The life-cycle state of a ticket, with its legal transitions.
 *
 * <p>{@link #CLOSED} is terminal. A transition that is not legal is an error
 * ({@link #checkTransition(Status)}), never a silent change.
 */
public enum Status {
    NEW,
    TRIAGED,
    ASSIGNED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    ESCALATED;

    /** Returns the lower-case name used in files and configuration ("in_progress"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether a ticket in this state is finished: resolved or closed. */
    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED;
    }

    /** Returns the states this state may move to. */
    public Set<Status> next() {
        switch (this) {
            case NEW:
                return EnumSet.of(TRIAGED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, ESCALATED);
            case TRIAGED:
            case ASSIGNED:
            case IN_PROGRESS:
            case ESCALATED:
                return EnumSet.complementOf(EnumSet.of(NEW));
            case RESOLVED:
                // a resolved ticket may be reopened for work or closed for good
                return EnumSet.of(IN_PROGRESS, ASSIGNED, CLOSED, RESOLVED);
            case CLOSED:
            default:
                return EnumSet.of(CLOSED);
        }
    }

    /** Returns whether this state may move to {@code target}. */
    public boolean canMoveTo(Status target) {
        return next().contains(target);
    }

    /**
     * Checks that this state may move to {@code target}.
     *
     * @throws IllegalStateException naming both states when the transition is not legal
     */
    public void checkTransition(Status target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException(
                    "a ticket cannot move from status '" + id() + "' to '" + target.id() + "'");
        }
    }

    /** Returns the status named by {@code value} (case-insensitive), or empty. */
    public static Optional<Status> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Status s : values()) {
            if (s.id().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
