package org.helpdesktriage.core.internal.rules;

import java.util.List;
import java.util.function.Predicate;
import org.helpdesktriage.core.internal.text.TicketText;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/** A compiled field test: a probe built once at load time, and its explanation. */
final class FieldTestNode implements Node {

    /** The test itself, over one ticket's facts. */
    @FunctionalInterface
    interface Probe {
        boolean test(Facts facts);
    }

    /** Reads a string field; {@code null} when the ticket has no value. */
    @FunctionalInterface
    interface StringGetter {
        String get(Facts facts);
    }

    /** Reads a field's words; {@code null} when the ticket has no value. */
    @FunctionalInterface
    interface WordsGetter {
        IndexedWords get(Facts facts);
    }

    private static final String[] STATUS_IDS = statusIds();
    private static final int SHOWN = 60;

    private final Condition.FieldTest condition;
    private final Probe probe;

    FieldTestNode(Condition.FieldTest condition, Probe probe) {
        this.condition = condition;
        this.probe = probe;
    }

    @Override
    public boolean test(Facts facts) {
        return probe.test(facts);
    }

    @Override
    public Trace explain(Facts facts) {
        if (probe.test(facts)) {
            return new Trace(true, condition.toString());
        }
        return new Trace(false, condition + " was false (" + seen(facts) + ")");
    }

    @Override
    public Condition condition() {
        return condition;
    }

    /** Describes the value the test saw, shortened: "category is 'technical'". */
    private String seen(Facts facts) {
        String name = condition.fieldName();
        Ticket t = facts.ticket();
        switch (condition.field()) {
            case TAGS:
                return "tags are " + t.tags();
            case PRIORITY:
                return "priority is '" + t.priority().id() + "'";
            case AGE_HOURS:
                return "age_hours is " + facts.ageHours();
            case PREDICTION_CONFIDENCE:
                return facts.hasPrediction()
                        ? "prediction_confidence is " + facts.predictionConfidence()
                        : "no prediction";
            case PREDICTED_CATEGORY:
                if (!facts.hasPrediction()) {
                    return "no prediction";
                }
                break;
            default:
                break;
        }
        String value = stringGetter(condition.field(), condition.key()).get(facts);
        if (value == null) {
            return name + " is missing";
        }
        return name + " is '" + shorten(value) + "'";
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "...";
    }

    /** Returns the reader of a string-valued field (not tags, priority or numbers). */
    static StringGetter stringGetter(Field field, String key) {
        switch (field) {
            case TITLE:
                return f -> f.ticket().title();
            case DESCRIPTION:
                return f -> f.ticket().description();
            case TEXT:
                return Facts::fullText;
            case CATEGORY:
                return f -> f.ticket().category();
            case STATUS:
                return f -> STATUS_IDS[f.ticket().status().ordinal()];
            case REQUESTER_EMAIL:
                return f -> f.ticket().requesterEmail();
            case REQUESTER_DOMAIN:
                return f -> f.ticket().requesterDomain();
            case METADATA:
                return f -> {
                    Object v = f.ticket().metadata().get(key);
                    return v == null ? null : v instanceof String s ? s : String.valueOf(v);
                };
            case PREDICTED_CATEGORY:
                return Facts::predictedCategoryOrNull;
            default:
                throw new IllegalArgumentException("field '" + field.id() + "' is not a string");
        }
    }

    /** Returns the reader of a field's words: shared per-ticket words for text fields. */
    static WordsGetter wordsGetter(Field field, String key) {
        switch (field) {
            case TITLE:
                return Facts::titleWords;
            case DESCRIPTION:
                return Facts::descriptionWords;
            case TEXT:
                return Facts::textWords;
            default:
                StringGetter get = stringGetter(field, key);
                return f -> {
                    String s = get.get(f);
                    return s == null ? null : new IndexedWords(TicketText.Words.of(s));
                };
        }
    }

    /** Returns a probe that holds when a string field's value satisfies {@code p}. */
    static Probe onString(Field field, String key, Predicate<String> p) {
        if (field == Field.TAGS) {
            return f -> {
                List<String> tags = f.ticket().tags();
                for (int i = 0, n = tags.size(); i < n; i++) {
                    if (p.test(tags.get(i))) {
                        return true;
                    }
                }
                return false;
            };
        }
        StringGetter get = stringGetter(field, key);
        return f -> {
            String s = get.get(f);
            return s != null && p.test(s);
        };
    }

    /** Returns a probe that holds when a field's words satisfy {@code p} (any tag, for tags). */
    static Probe onWords(Field field, String key, Predicate<IndexedWords> p) {
        if (field == Field.TAGS) {
            return f -> {
                List<IndexedWords> tags = f.tagWords();
                for (int i = 0, n = tags.size(); i < n; i++) {
                    if (p.test(tags.get(i))) {
                        return true;
                    }
                }
                return false;
            };
        }
        WordsGetter get = wordsGetter(field, key);
        return f -> {
            IndexedWords w = get.get(f);
            return w != null && p.test(w);
        };
    }

    private static String[] statusIds() {
        Status[] all = Status.values();
        String[] ids = new String[all.length];
        for (Status s : all) {
            ids[s.ordinal()] = s.id();
        }
        return ids;
    }
}
