package org.helpdesktriage.core.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A condition of the rule language that the configuration loader has checked and compiled, as
 * an SLA policy holds it. Its {@code toString()} is the condition's concise form, e.g.
 * {@code priority in [high, critical]}.
 *
 * <p>Not for implementation: only the loader makes conditions, and the engine accepts no other.
 */
public interface CheckedCondition {

    /** Returns a copy of the JSON the condition was written as. */
    JsonNode json();
}
