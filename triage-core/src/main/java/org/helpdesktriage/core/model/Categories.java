package org.helpdesktriage.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configured categories, each with its default team, and the fallback category that
 * unknown values map to.
 *
 * <p>Category names are lower-case. {@link #defaults()} gives the six categories of the original
 * service.
 */
public final class Categories {

    private static final Categories DEFAULTS = new Categories(defaultTeams(), "general");

    private final Map<String, String> teams;
    private final String fallback;

    /**
     * Creates a category set.
     *
     * @param teams category name to default team, in order
     * @param fallback the category unknown values map to; must be one of {@code teams}
     */
    public Categories(Map<String, String> teams, String fallback) {
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(fallback, "fallback");
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("at least one category is needed");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        teams.forEach((name, team) -> {
            String key = name.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || team == null || team.isBlank()) {
                throw new IllegalArgumentException(
                        "category '" + name + "' needs a name and a team, got team '" + team + "'");
            }
            copy.put(key, team.trim());
        });
        String fb = fallback.trim().toLowerCase(Locale.ROOT);
        if (!copy.containsKey(fb)) {
            throw new IllegalArgumentException("fallback category '" + fallback
                    + "' is not one of the categories " + copy.keySet());
        }
        this.teams = Collections.unmodifiableMap(copy);
        this.fallback = fb;
    }

    /** Returns the six default categories with their teams; the fallback is general. */
    public static Categories defaults() {
        return DEFAULTS;
    }

    /** Returns the default category-to-team map of the original service. */
    public static Map<String, String> defaultTeams() {
        Map<String, String> teams = new LinkedHashMap<>();
        teams.put("technical", "tech-team");
        teams.put("billing", "billing-team");
        teams.put("account", "account-team");
        teams.put("feature", "product-team");
        teams.put("bug", "engineering-team");
        teams.put("general", "support-team");
        return teams;
    }

    /** Returns the category names, in configured order. */
    public Set<String> names() {
        return teams.keySet();
    }

    /** Returns the category unknown values map to. */
    public String fallback() {
        return fallback;
    }

    /** Returns whether {@code name} (already lower-case) is a configured category. */
    public boolean contains(String name) {
        return teams.containsKey(name);
    }

    /** Returns the default team of a category, or empty for an unknown category. */
    public Optional<String> teamOf(String category) {
        return Optional.ofNullable(teams.get(category));
    }

    /** Returns the category-to-team map. */
    public Map<String, String> teams() {
        return teams;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Categories c && c.teams.equals(teams) && c.fallback.equals(fallback);
    }

    @Override
    public int hashCode() {
        return teams.hashCode() * 31 + fallback.hashCode();
    }

    @Override
    public String toString() {
        return "Categories" + teams + " fallback " + fallback;
    }
}
