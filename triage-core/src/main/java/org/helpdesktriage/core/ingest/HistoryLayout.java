package org.helpdesktriage.core.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.helpdesktriage.core.internal.ingest.fields.FieldChecks;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;
import org.helpdesktriage.core.model.Ticket;

/**
 * How the columns of a history file (an export of past tickets, often with a label) become a
 * ticket record: a text column split into title and description, a label column taken out,
 * and placeholders for the id and requester a history file may not have, which no rule or model
 * reads.
 *
 * <pre>{@code
 * HistoryLayout layout = new HistoryLayout("Document", "Topic_group");
 * HistoryLayout.Shaped shaped = layout.shape(record);
 * }</pre>
 *
 * <p>With a text column, its first words (at most ten, at most 120 characters) become the title
 * and the rest the description; a text that short is both. Immutable and thread-safe.
 *
 * @param textField the column holding the whole text, or {@code null} when the record has a
 *     title and a description of its own
 * @param labelField the column holding the label, or {@code null}; its value is taken out of
 *     the record
 */
public record HistoryLayout(String textField, String labelField) {

    /** The requester of a history record that names none. */
    public static final String PLACEHOLDER_EMAIL = "history@example.invalid";
    /** The id prefix of a history record that has none; the record number follows. */
    public static final String PLACEHOLDER_ID = "HISTORY-";

    private static final int TITLE_WORDS = 10;
    private static final int MAX_TITLE = 120;
    private static final int TITLE = Ticket.FIELDS.indexOf("title");
    private static final int DESCRIPTION = Ticket.FIELDS.indexOf("description");

    /**
     * A record in ticket form and the label taken out of it.
     *
     * @param record the record with title and description, id and requester
     * @param label the label's value as the file wrote it, or {@code null} when it has none
     * @param filled what was filled in for an empty title or description ({@code null}: none)
     */
    public record Shaped(RawRecord record, String label, String filled) {

        /** Returns the label, or empty when the record has none (or it is blank). */
        public Optional<String> labelValue() {
            return label == null || label.isBlank() ? Optional.empty() : Optional.of(label);
        }
    }

    /**
     * Returns the record in ticket form: the text column split, the label column taken out,
     * placeholders for a missing id ({@link #PLACEHOLDER_ID} and the record number) and
     * requester ({@link #PLACEHOLDER_EMAIL}). A record that could not be parsed is returned as
     * it is.
     *
     * @param fillEmptyText whether an empty description takes the title, and an empty title
     *     the description's first words (for labelled history, where only the text matters)
     */
    public Shaped shape(RawRecord record, boolean fillEmptyText) {
        if (record.parseError() != null) {
            return new Shaped(record, null, null);
        }
        String textKey = textField == null ? null : FieldNames.normalize(textField);
        String labelKey = labelField == null ? null : FieldNames.normalize(labelField);
        Map<String, Object> fields = new LinkedHashMap<>();
        Object label = null;
        Object text = null;
        String titleKey = null;
        String descriptionKey = null;
        for (Map.Entry<String, Object> e : record.fields().entrySet()) {
            String k = FieldNames.normalize(e.getKey());
            if (k.equals(labelKey)) {
                label = e.getValue();
            } else if (k.equals(textKey)) {
                text = e.getValue();
            } else {
                fields.put(e.getKey(), e.getValue());
                FieldNames.Ref ref = FieldNames.ref(k);
                if (ref != null && ref.index() == TITLE) {
                    titleKey = e.getKey();
                } else if (ref != null && ref.index() == DESCRIPTION) {
                    descriptionKey = e.getKey();
                }
            }
        }
        if (text != null) {
            String t = FieldChecks.scalarText(text);
            split(t == null ? "" : t, fields);
            titleKey = "title";
            descriptionKey = "description";
        }
        String filled = fillEmptyText ? fill(fields, titleKey, descriptionKey) : null;
        if (text != null || labelKey != null) {
            fields.putIfAbsent("ticket_id", PLACEHOLDER_ID + record.position().record());
            fields.putIfAbsent("requester_email", PLACEHOLDER_EMAIL);
        }
        String labelText = label == null ? null : FieldChecks.scalarText(label);
        return new Shaped(RawRecord.of(record.position(), fields, record.raw()), labelText,
                filled);
    }

    /**
     * Returns a reader that gives the records of {@code reader} in ticket form (as
     * {@link #shape} does, without filling empty texts), for triaging a history file.
     */
    public RecordReader apply(RecordReader reader) {
        Objects.requireNonNull(reader, "reader");
        return new RecordReader() {
            @Override
            public boolean singleObject() {
                return reader.singleObject();
            }

            @Override
            public Supplier<RawRecord> nextDeferred() {
                Supplier<RawRecord> next = reader.nextDeferred();
                return () -> shape(next.get(), false).record();
            }

            @Override
            public InputFormat format() {
                return reader.format();
            }

            @Override
            public void close() {
                reader.close();
            }

            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public RawRecord next() {
                return shape(reader.next(), false).record();
            }
        };
    }

    /** Fills an empty title or description from the other; returns what was filled, or null. */
    private static String fill(Map<String, Object> fields, String titleKey, String descKey) {
        String title = text(fields, titleKey);
        String description = text(fields, descKey);
        if (description.isBlank() && !title.isBlank()) {
            fields.remove(descKey);
            fields.put(descKey == null ? "description" : descKey, title);
            return "description";
        }
        if (title.isBlank() && !description.isBlank()) {
            Map<String, Object> parts = new LinkedHashMap<>();
            split(description, parts);
            fields.remove(titleKey);
            fields.put(titleKey == null ? "title" : titleKey, parts.get("title"));
            return "title";
        }
        return null;
    }

    private static String text(Map<String, Object> fields, String key) {
        Object v = key == null ? null : fields.get(key);
        String s = v == null ? null : FieldChecks.scalarText(v);
        return s == null ? "" : s;
    }

    /**
     * Puts the text's first words (at most ten, at most 120 characters) as the title and the
     * rest as the description, so that rules and the model read each word once; a text that
     * is all title is the description too.
     */
    static void split(String text, Map<String, Object> fields) {
        int end = 0;
        int words = 0;
        int start = -1;
        int i = 0;
        int n = text.length();
        while (words < TITLE_WORDS) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int wordStart = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start < 0) {
                start = wordStart;
            }
            if (i - start > MAX_TITLE) {
                break;
            }
            end = i;
            words++;
        }
        if (words == 0 && start >= 0) {
            // a first word longer than a title: it stays whole in the description
            fields.put("title", text.substring(start, start + MAX_TITLE));
            fields.put("description", text.strip());
            return;
        }
        String title = text.substring(Math.max(start, 0), end);
        String rest = text.substring(end).strip();
        fields.put("title", title);
        fields.put("description", rest.isEmpty() ? title : rest);
    }
}
