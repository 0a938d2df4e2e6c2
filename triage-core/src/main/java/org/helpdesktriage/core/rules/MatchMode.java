package org.helpdesktriage.core.rules;

import java.util.Locale;
import java.util.Optional;

/** How many matching rules apply to a ticket. */
public enum MatchMode {
    /** Only the first match in rule order (highest priority, ties to the rule defined first). */
    FIRST,
    /** Every match, in rule order, until a matching rule with {@code stop} set. */
    ALL;

    /** Returns the lower-case name used in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the mode named by {@code value} (case-insensitive), or empty. */
    public static Optional<MatchMode> parse(String value) {
        for (MatchMode m : values()) {
            if (m.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
