package org.helpdesktriage.core.internal.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import org.helpdesktriage.core.TestTickets;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;

/** Builds rules from compact JSON (single quotes allowed) for the rules tests. */
final class RuleFixtures {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    private RuleFixtures() {
    }

    /** Parses single-quoted JSON. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a whole rule definition from single-quoted JSON. */
    static RuleDefinition definition(String text) {
        try {
            return JSON.treeToValue(json(text), RuleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a rule with no actions. */
    static RuleDefinition rule(String id, String priority, String condition) {
        return new RuleDefinition(id, null, priority, json(condition), null, null);
    }

    /** Compiles rules against the default categories. */
    static RuleSet compile(MatchMode mode, RuleDefinition... rules) {
        return RuleSet.compile(List.of(rules), Categories.defaults(), mode);
    }

    /** Returns whether {@code condition} holds for the facts of {@code ticket}. */
    static boolean holds(String condition, Ticket ticket) {
        return holds(condition, Facts.of(ticket, TestTickets.CREATED));
    }

    /** Returns whether {@code condition} holds for {@code facts}. */
    static boolean holds(String condition, Facts facts) {
        RuleSet set = compile(MatchMode.FIRST, rule("r", "medium", condition));
        boolean fast = !set.evaluate(facts, false).matches().isEmpty();
        boolean explained = !set.evaluate(facts, true).matches().isEmpty();
        if (fast != explained) {
            throw new AssertionError("fast and explained paths disagree on " + condition);
        }
        return fast;
    }
}
