package org.helpdesktriage.core.internal.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Ticket;

/**
 * The state of one record's normalisation: its values sorted by ticket field (keys normalised,
 * aliases resolved), its metadata, and the notes and errors gathered so far. Notes and errors
 * lists are only created when there is something to say.
 */
final class RecordWork {

    static final List<String> FIELDS = Ticket.FIELDS;
    static final int METADATA = FIELDS.indexOf("metadata");
    static final int SCORE = FIELDS.indexOf("score");

    final Object[] values = new Object[FIELDS.size()];
    /** The key each field was read from, as the input spelled it. */
    final String[] keys = new String[FIELDS.size()];
    final boolean[] aliased = new boolean[FIELDS.size()];
    List<String> notes;
    List<FieldError> errors;
    Map<String, Object> metadata;

    void note(String note) {
        if (notes == null) {
            notes = new ArrayList<>(4);
        }
        notes.add(note);
    }

    void error(int field, String message) {
        if (errors == null) {
            errors = new ArrayList<>(4);
        }
        errors.add(new FieldError(FIELDS.get(field), message));
    }

    void error(String field, String message) {
        if (errors == null) {
            errors = new ArrayList<>(4);
        }
        errors.add(new FieldError(field, message));
    }

    Map<String, Object> metadata() {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        return metadata;
    }

    /** Returns the fields of a record sorted into ticket fields and metadata, with notes. */
    static RecordWork collect(RawRecord record) {
        RecordWork w = new RecordWork();
        for (Map.Entry<String, Object> e : record.fields().entrySet()) {
            String original = e.getKey();
            String key = FieldNames.normalize(original);
            Object value = e.getValue();
            FieldNames.Ref ref = FieldNames.ref(key);
            if (ref == null) {
                w.metadata().put(key, value);
                continue;
            }
            int i = ref.index();
            if (i == METADATA) {
                if (value instanceof Map<?, ?> nested) {
                    nested.forEach((k, v) -> w.metadata().put(String.valueOf(k), v));
                } else if (value != null) {
                    w.metadata().put(key, value);
                    w.note("field '" + original + "' is not an object; kept as a metadata entry");
                }
                continue;
            }
            if (value == null) {
                continue;
            }
            if (i == SCORE) {
                w.note("input score " + FieldChecks.quote(value)
                        + " ignored; triage computes the score");
                continue;
            }
            if (w.keys[i] != null) {
                if (ref.alias() && !w.aliased[i]) {
                    w.note("field '" + original + "' ignored: '" + ref.field()
                            + "' is also given");
                    continue;
                }
                w.note(!ref.alias() && w.aliased[i]
                        ? "field '" + w.keys[i] + "' ignored: '" + ref.field() + "' is also given"
                        : "field '" + ref.field() + "' given twice; the last value is used");
            }
            w.values[i] = value;
            w.keys[i] = original;
            w.aliased[i] = ref.alias();
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            String k = w.keys[i];
            if (k != null && (w.aliased[i] || !k.equals(FIELDS.get(i)))) {
                w.note("field '" + k + "' read as '" + FIELDS.get(i) + "'");
            }
        }
        return w;
    }
}
