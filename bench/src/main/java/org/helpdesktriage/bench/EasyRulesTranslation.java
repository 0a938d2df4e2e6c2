package org.helpdesktriage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Ticket;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.RuleBuilder;
import org.jeasy.rules.mvel.MVELRule;

/**
 * Translates the rules of a configuration file into Easy Rules, once as MVEL expressions and once
 * as composed Java lambdas, with the same meaning as our rules: whole-word tests on the same
 * tokenisation ({@link TicketText#tokenize}), phrases as consecutive words, case-insensitive
 * string tests, priority by level. Rules fire in our order (priority, then position), and the
 * first rule that matches is the result, as with {@code match_mode: first}.
 *
 * <p>Covers the fields and operators the configurations in this repository use; anything else
 * fails the translation rather than being approximated.
 */
final class EasyRulesTranslation {

    /** The fact holding the id of the rule that matched. */
    static final String RESULT = "result";

    private static final String[] LEVELS = {"low", "medium", "high", "critical"};

    private EasyRulesTranslation() {
    }

    /** Returns the rules as MVEL rules. */
    static Rules mvel(JsonNode rules) {
        Rules out = new Rules();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String id = r.get("id").asText();
            out.register(new MVELRule().name(id).priority(priority(r, i))
                    .when(mvelCondition(r.get("condition")))
                    .then(RESULT + ".set('" + id + "')"));
        }
        return out;
    }

    /** Returns the rules as rules with Java lambda conditions. */
    static Rules lambdas(JsonNode rules) {
        Rules out = new Rules();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String id = r.get("id").asText();
            Predicate<Facts> p = lambda(r.get("condition"));
            Rule rule = new RuleBuilder().name(id).priority(priority(r, i))
                    .when(p::test)
                    .then(f -> f.<AtomicReference<String>>get(RESULT).set(id))
                    .build();
            out.register(rule);
        }
        return out;
    }

    /**
     * Returns the facts of one ticket: the same derived values our rules read (words, padded
     * word text for phrases, domain, priority level, age), computed per ticket as ours are.
     */
    static Facts facts(Ticket t, double ageHours) {
        Facts f = new Facts();
        words(f, "title", t.title());
        words(f, "description", t.description());
        words(f, "text", t.title() + "\n" + t.description());
        f.put("title_raw", t.title().toLowerCase(Locale.ROOT));
        f.put("category", t.category());
        f.put("priority", level(t.priority().id()));
        f.put("status", t.status().id());
        String email = t.requesterEmail().toLowerCase(Locale.ROOT);
        f.put("requester_email", email);
        f.put("requester_domain", email.substring(email.indexOf('@') + 1));
        List<String> tags = new ArrayList<>(t.tags().size());
        StringBuilder tagText = new StringBuilder(" ");
        for (String tag : t.tags()) {
            tags.add(tag.toLowerCase(Locale.ROOT));
            tagText.append(String.join(" ", TicketText.tokenize(tag))).append(" | ");
        }
        f.put("tags", tags);
        f.put("tags_text", tagText.toString());
        Object tier = t.metadata().get("customer_tier");
        f.put("customer_tier", tier == null ? "" : tier.toString().toLowerCase(Locale.ROOT));
        f.put("age_hours", ageHours);
        f.put(RESULT, new AtomicReference<String>());
        return f;
    }

    private static void words(Facts f, String name, String s) {
        List<String> words = TicketText.tokenize(s);
        f.put(name + "_words", new HashSet<>(words));
        f.put(name + "_text", " " + String.join(" ", words) + " ");
    }

    private static int priority(JsonNode rule, int position) {
        return (4 - level(rule.get("priority").asText())) * 1000 + position;
    }

    private static int level(String id) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(id)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a priority: " + id);
    }

    private static List<String> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }

    private static String group(JsonNode c) {
        for (String g : new String[] {"all", "any", "none"}) {
            if (c.has(g)) {
                return g;
            }
        }
        return null;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    // ---------------------------------------------------------------- MVEL

    static String mvelCondition(JsonNode c) {
        String g = group(c);
        if (g != null) {
            List<String> parts = new ArrayList<>();
            c.get(g).forEach(x -> parts.add(mvelCondition(x)));
            switch (g) {
                case "all":
                    return "(" + String.join(" && ", parts) + ")";
                case "any":
                    return "(" + String.join(" || ", parts) + ")";
                default:
                    return "!(" + String.join(" || ", parts) + ")";
            }
        }
        String field = c.get("field").asText();
        String op = c.get("op").asText();
        List<String> vs = values(c.get("value"));
        String name = field.startsWith("metadata.") ? field.substring(9) : field;
        switch (op) {
            case "contains_any_word":
            case "contains_all_words": {
                List<String> parts = new ArrayList<>();
                for (String v : vs) {
                    parts.add(mvelWord(name, v));
                }
                return "(" + String.join(op.equals("contains_any_word") ? " || " : " && ", parts)
                        + ")";
            }
            case "contains_phrase":
                return name + "_text.contains(" + quote(padded(vs.get(0))) + ")";
            case "starts_with":
                return raw(name) + ".startsWith(" + quote(vs.get(0).toLowerCase(Locale.ROOT)) + ")";
            case "ends_with":
                return raw(name) + ".endsWith(" + quote(vs.get(0).toLowerCase(Locale.ROOT)) + ")";
            case "equals":
            case "in": {
                List<String> parts = new ArrayList<>();
                for (String v : vs) {
                    parts.add(name.equals("tags") ? "tags.contains(" + quote(lower(v)) + ")"
                            : name.equals("priority") ? "priority == " + level(lower(v))
                            : name + " == " + quote(lower(v)));
                }
                return "(" + String.join(" || ", parts) + ")";
            }
            case "greater_than":
            case "less_than": {
                String cmp = op.equals("greater_than") ? " > " : " < ";
                return name.equals("priority") ? "priority" + cmp + level(lower(vs.get(0)))
                        : name + cmp + vs.get(0);
            }
            case "matches":
                // MVEL's ~= matches the whole value; ours finds the expression anywhere
                return raw(name) + " ~= " + quote("(?s).*(?:" + vs.get(0) + ").*");
            default:
                throw new IllegalArgumentException("no MVEL translation for " + op);
        }
    }

    private static String mvelWord(String name, String v) {
        List<String> tokens = TicketText.tokenize(v);
        if (tokens.size() == 1 && !name.equals("tags")) {
            return name + "_words.contains(" + quote(tokens.get(0)) + ")";
        }
        return name + "_text.contains(" + quote(padded(v)) + ")";
    }

    private static String padded(String phrase) {
        return " " + String.join(" ", TicketText.tokenize(phrase)) + " ";
    }

    private static String raw(String name) {
        return name.equals("title") ? "title_raw" : name;
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- lambdas

    static Predicate<Facts> lambda(JsonNode c) {
        String g = group(c);
        if (g != null) {
            List<Predicate<Facts>> parts = new ArrayList<>();
            c.get(g).forEach(x -> parts.add(lambda(x)));
            @SuppressWarnings("unchecked")
            Predicate<Facts>[] ps = parts.toArray(new Predicate[0]);
            switch (g) {
                case "all":
                    return f -> {
                        for (Predicate<Facts> p : ps) {
                            if (!p.test(f)) {
                                return false;
                            }
                        }
                        return true;
                    };
                case "any":
                    return f -> anyOf(ps, f);
                default:
                    return f -> !anyOf(ps, f);
            }
        }
        String field = c.get("field").asText();
        String op = c.get("op").asText();
        List<String> vs = values(c.get("value"));
        String name = field.startsWith("metadata.") ? field.substring(9) : field;
        switch (op) {
            case "contains_any_word":
            case "contains_all_words": {
                List<Predicate<Facts>> parts = new ArrayList<>();
                for (String v : vs) {
                    parts.add(lambdaWord(name, v));
                }
                @SuppressWarnings("unchecked")
                Predicate<Facts>[] ps = parts.toArray(new Predicate[0]);
                if (op.equals("contains_any_word")) {
                    return f -> anyOf(ps, f);
                }
                return f -> {
                    for (Predicate<Facts> p : ps) {
                        if (!p.test(f)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            case "contains_phrase": {
                String p = padded(vs.get(0));
                String key = name + "_text";
                return f -> f.<String>get(key).contains(p);
            }
            case "starts_with": {
                String p = vs.get(0).toLowerCase(Locale.ROOT);
                String key = raw(name);
                return f -> f.<String>get(key).startsWith(p);
            }
            case "ends_with": {
                String p = vs.get(0).toLowerCase(Locale.ROOT);
                String key = raw(name);
                return f -> f.<String>get(key).endsWith(p);
            }
            case "equals":
            case "in": {
                if (name.equals("priority")) {
                    int want = level(lower(vs.get(0)));
                    return f -> f.<Integer>get("priority") == want;
                }
                Set<String> want = new HashSet<>();
                vs.forEach(v -> want.add(lower(v)));
                if (name.equals("tags")) {
                    return f -> {
                        for (String tag : f.<List<String>>get("tags")) {
                            if (want.contains(tag)) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
                return f -> want.contains(f.<String>get(name));
            }
            case "greater_than":
            case "less_than": {
                boolean greater = op.equals("greater_than");
                double bound = name.equals("priority") ? level(lower(vs.get(0)))
                        : Double.parseDouble(vs.get(0));
                return f -> {
                    double x = f.<Number>get(name).doubleValue();
                    return greater ? x > bound : x < bound;
                };
            }
            case "matches": {
                Pattern p = Pattern.compile(vs.get(0));
                String key = raw(name);
                return f -> p.matcher(f.<String>get(key)).find();
            }
            default:
                throw new IllegalArgumentException("no lambda translation for " + op);
        }
    }

    private static boolean anyOf(Predicate<Facts>[] ps, Facts f) {
        for (Predicate<Facts> p : ps) {
            if (p.test(f)) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<Facts> lambdaWord(String name, String v) {
        List<String> tokens = TicketText.tokenize(v);
        if (tokens.size() == 1 && !name.equals("tags")) {
            String w = tokens.get(0);
            String key = name + "_words";
            return f -> f.<Set<String>>get(key).contains(w);
        }
        String p = padded(v);
        String key = name + "_text";
        return f -> f.<String>get(key).contains(p);
    }

    /** Returns the fact names, for a check that nothing is missing. */
    static Map<String, Object> asMap(Facts f) {
        return f.asMap();
    }
}
