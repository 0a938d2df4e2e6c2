package org.helpdesktriage.core.internal.ingest;

import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.model.InputLimits;

/**
 * Checks a record's values against the {@link InputLimits} that no reader can check alone:
 * the length of every string, the length of every key, how deep values nest and how many keys
 * the record holds, counted at every level. Readers check what bounds their memory (record
 * length, key length, nesting, key count) while they parse; this walk checks them again for
 * records given in code, and is the only check of string lengths, so every format gets the same
 * errors, each naming the field.
 */
final class RecordLimits {

    /** The most limit errors one record reports; the rest are counted. */
    private static final int MAX_ERRORS = 5;

    private final InputLimits limits;
    private final RecordWork work;
    private int keys;
    private int errors;

    private RecordLimits(InputLimits limits, RecordWork work) {
        this.limits = limits;
        this.work = work;
    }

    /** Adds an error to {@code work} for each limit the record's fields break. */
    static void check(Map<String, Object> fields, InputLimits limits, RecordWork work) {
        RecordLimits c = new RecordLimits(limits, work);
        c.object("", fields, 1);
        if (c.keys > limits.maxKeys()) {
            c.error("record", "the record has " + c.keys + " keys, over the limit of "
                    + limits.maxKeys() + " (max_keys)");
        }
        if (c.errors > MAX_ERRORS) {
            work.error("record", (c.errors - MAX_ERRORS) + " more fields break limits");
        }
    }

    private void object(String path, Map<?, ?> map, int depth) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            keys++;
            String at = path.isEmpty() ? key : path + "." + key;
            if (key.length() > limits.maxKeyLength()) {
                error(FieldChecks.clip(at), "key " + FieldChecks.quote(key) + " is "
                        + key.length() + " characters long, over the limit of "
                        + limits.maxKeyLength() + " (max_key_length)");
                continue;
            }
            value(at, e.getValue(), depth);
        }
    }

    private void value(String path, Object v, int depth) {
        if (v instanceof String s) {
            if (s.length() > limits.maxFieldLength()) {
                error(path, FieldChecks.clip(path) + " is " + s.length()
                        + " characters long, over the limit of " + limits.maxFieldLength()
                        + " (max_field_length)");
            }
            return;
        }
        if (!(v instanceof Map) && !(v instanceof List)) {
            return;
        }
        if (depth + 1 > limits.maxNestingDepth()) {
            error(path, FieldChecks.clip(path) + " nests objects and lists deeper than "
                    + limits.maxNestingDepth() + " levels (max_nesting_depth)");
            return;
        }
        if (v instanceof Map<?, ?> m) {
            object(path, m, depth + 1);
        } else {
            List<?> list = (List<?>) v;
            for (int i = 0; i < list.size(); i++) {
                value(path + "[" + i + "]", list.get(i), depth + 1);
            }
        }
    }

    private void error(String field, String message) {
        if (++errors <= MAX_ERRORS) {
            work.error(field, message);
        }
    }
}
