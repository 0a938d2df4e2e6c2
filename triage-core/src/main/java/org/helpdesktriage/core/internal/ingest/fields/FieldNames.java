package org.helpdesktriage.core.internal.ingest.fields;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.model.Ticket;

/**
 * The names the ingest understands: the ticket fields, their aliases, and key normalisation
 * ("Ticket ID" to {@code ticket_id}).
 */
public final class FieldNames {

    /** Alias to field, as in the original service. */
    public static final Map<String, String> ALIASES = Map.of(
            "id", "ticket_id",
            "ticket", "ticket_id",
            "subject", "title",
            "body", "description",
            "email", "requester_email",
            "user_email", "requester_email",
            "type", "category",
            "assignee", "assigned_to");

    /** A known key: the index of its field in {@link Ticket#FIELDS}, and whether it is an alias. */
    public record Ref(int index, String field, boolean alias) {
    }

    private static final Map<String, Ref> REFS = refs();

    private FieldNames() {
    }

    private static Map<String, Ref> refs() {
        Map<String, Ref> refs = new HashMap<>();
        List<String> fields = Ticket.FIELDS;
        for (int i = 0; i < fields.size(); i++) {
            refs.put(fields.get(i), new Ref(i, fields.get(i), false));
        }
        ALIASES.forEach((alias, field) ->
                refs.put(alias, new Ref(fields.indexOf(field), field, true)));
        return Map.copyOf(refs);
    }

    /** Returns the field a normalised key names (directly or as an alias), or null. */
    public static Ref ref(String normalizedKey) {
        return REFS.get(normalizedKey);
    }

    /** Returns whether a normalised key is a field or an alias. */
    public static boolean isKnown(String normalizedKey) {
        return REFS.containsKey(normalizedKey);
    }

    /**
     * Returns a key trimmed, lower-cased, with each run of blanks turned into {@code _}; returns
     * {@code key} itself when it is already normal, so the common case allocates nothing.
     */
    public static String normalize(String key) {
        int n = key.length();
        boolean normal = n > 0 && !Character.isWhitespace(key.charAt(0))
                && !Character.isWhitespace(key.charAt(n - 1));
        for (int i = 0; normal && i < n; i++) {
            char c = key.charAt(i);
            normal = !(c >= 'A' && c <= 'Z') && c != ' ' && (c < 128 || c == Character
                    .toLowerCase(c)) && !Character.isWhitespace(c);
        }
        if (normal) {
            return key;
        }
        String t = key.strip();
        StringBuilder sb = new StringBuilder(t.length());
        boolean blank = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                blank = true;
                continue;
            }
            if (blank) {
                sb.append('_');
                blank = false;
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
