package org.helpdesktriage.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The urgency of a ticket, ordered from {@link #LOW} to {@link #CRITICAL}.
 *
 * <p>The natural order of the constants is the priority order, so {@code compareTo} and
 * {@link #max(Priority, Priority)} compare urgency.
 */
public enum Priority {
    LOW(1),
    MEDIUM(4),
    HIGH(7),
    CRITICAL(10);

    private final int points;

    Priority(int points) {
        this.points = points;
    }

    /** Returns the points this priority contributes to the score (critical 10 ... low 1). */
    public int points() {
        return points;
    }

    /** Returns the lower-case name used in files and configuration ("critical"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the next priority up; {@link #CRITICAL} stays critical. */
    public Priority raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    /** Returns the more urgent of two priorities. */
    public static Priority max(Priority a, Priority b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Returns the priority named by {@code value} (case-insensitive, surrounding blanks ignored),
     * or empty when it names none.
     */
    public static Optional<Priority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String key = value.trim().toLowerCase(Locale.ROOT);
        for (Priority p : values()) {
            if (p.id().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
