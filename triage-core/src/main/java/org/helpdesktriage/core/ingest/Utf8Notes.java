package org.helpdesktriage.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;

/**
 * Notes on invalid UTF-8: a record in which bad bytes were read (as U+FFFD) says so, naming each
 * field whose value holds a replacement character, instead of passing the replacement silently.
 */
final class Utf8Notes {

    static final String REPLACED = "invalid UTF-8 read as U+FFFD";
    static final String SURROGATE = "an unpaired surrogate escape read as U+FFFD";
    private static final int MAX_NAMED = 5;

    private Utf8Notes() {
    }

    /** Returns {@code record}, with notes naming its fields when invalid UTF-8 was read. */
    static RawRecord check(RawRecord record, boolean malformed) {
        return malformed ? note(record, REPLACED) : record;
    }

    /** Returns {@code record}, with notes naming its fields when a lone surrogate was read. */
    static RawRecord surrogates(RawRecord record, boolean replaced) {
        return replaced ? note(record, SURROGATE) : record;
    }

    private static RawRecord note(RawRecord record, String what) {
        if (record.parseError() != null) {
            return RawRecord.unparseable(record.position(), record.raw(), record.parseError()
                    + "; the record also holds " + what);
        }
        List<String> fields = new ArrayList<>();
        record.fields().forEach((k, v) -> find(k, v, fields));
        List<String> notes = new ArrayList<>();
        if (fields.isEmpty()) {
            notes.add(what + " in the record's keys or punctuation");
        }
        for (String f : fields.subList(0, Math.min(fields.size(), MAX_NAMED))) {
            notes.add(what + " in field '" + FieldChecks.clip(f) + "'");
        }
        if (fields.size() > MAX_NAMED) {
            notes.add(what + " in " + (fields.size() - MAX_NAMED) + " more fields");
        }
        return record.withNotes(notes);
    }

    private static void find(String path, Object v, List<String> out) {
        if (v instanceof String s) {
            if (s.indexOf('\uFFFD') >= 0) {
                out.add(path);
            }
        } else if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> find(path + "." + k, x, out));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                find(path + "[" + i + "]", l.get(i), out);
            }
        }
    }
}
