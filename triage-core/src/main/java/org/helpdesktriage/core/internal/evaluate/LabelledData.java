package org.helpdesktriage.core.internal.evaluate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.ingest.HistoryLayout;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.internal.classify.LabelledText;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.internal.ingest.IngestSettings;
import org.helpdesktriage.core.internal.ingest.Ingested;
import org.helpdesktriage.core.internal.ingest.TicketNormalizer;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Ticket;

/**
 * Labelled history read as the engine reads tickets, for training and evaluation: every record
 * either becomes an example (a ticket and its label) or is left out and counted by reason.
 *
 * <pre>{@code
 * LabelledData data = LabelledData.read(LabelledInput.of(file, "queue"),
 *         config, clock).requireUsable();
 * TextClassifier model = ClassifierTrainer.defaults().train(data.texts());
 * }</pre>
 *
 * <p>History is not live input, so it is read more leniently: the live title and description
 * length limits do not reject a record (a longer text is truncated to them instead, since a
 * live ticket can hold no more, and counted); an empty description takes the title and an
 * empty title the description's first words (counted); timestamps may be written in any of the
 * common export forms, a timestamp without a zone read in the settings' zone. Everything else
 * is validated as for live tickets.
 */
public final class LabelledData {

    /** How many reasons the summary of an unusable file names. */
    static final int REASONS_SHOWN = 3;

    /**
     * One usable record.
     *
     * @param ticket the ticket as the engine reads it
     * @param label the label, mapped
     * @param group the record's group, or {@code null} without a group field
     */
    public record Example(Ticket ticket, String label, String group) {

        /** Checks the values. */
        public Example {
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(label, "label");
        }

        /** Returns the example as a classifier's training text. */
        public LabelledText text() {
            return new LabelledText(ticket.title(), ticket.description(), label);
        }
    }

    /**
     * Why records were left out: a reason ("created_at invalid", "no label"), how many records
     * it left out, and the first such record's message.
     *
     * @param reason the reason
     * @param count how many records it left out
     * @param first the first of them, with its position and every error
     */
    public record LeftOut(String reason, int count, String first) {
    }

    private final String source;
    private final List<Example> examples;
    private final long read;
    private final List<LeftOut> leftOut;
    private final long truncated;
    private final long controls;
    private final long filled;
    private final IngestSettings live;

    private LabelledData(String source, List<Example> examples, long read, List<LeftOut> leftOut,
            long truncated, long filled, long controls, IngestSettings live) {
        this.source = source;
        this.examples = List.copyOf(examples);
        this.read = read;
        this.leftOut = List.copyOf(leftOut);
        this.truncated = truncated;
        this.controls = controls;
        this.filled = filled;
        this.live = live;
    }

    /**
     * Reads labelled history.
     *
     * @param input the file and how its columns read
     * @param config the configuration of live input (categories, synonyms, limits, time zone)
     * @param clock the clock that dates records without {@code created_at}
     * @return every usable example, and what was left out and why
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} when the file cannot be
     *     read at all
     */
    public static LabelledData read(LabelledInput input, TriageConfig config, Clock clock) {
        Objects.requireNonNull(input, "input");
        IngestSettings live = IngestConfig.settings(config);
        TicketNormalizer normalizer = new TicketNormalizer(live.withoutLengthLimits(), clock);
        HistoryLayout layout = input.layout();
        String groupKey = input.groupField() == null ? null : key(input.groupField());
        List<Example> examples = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> firsts = new LinkedHashMap<>();
        long read = 0;
        long truncated = 0;
        long filled = 0;
        long controls = 0;
        try (RecordReader reader = RecordReaders.open(input.file(), input.format())) {
            while (reader.hasNext()) {
                RawRecord r = reader.next();
                read++;
                HistoryLayout.Shaped shaped = layout.shape(r, true);
                if (r.parseError() != null) {
                    count(counts, firsts, "unreadable", r.position() + ": " + r.parseError());
                    continue;
                }
                if (shaped.labelValue().isEmpty()) {
                    count(counts, firsts, "no label", r.position() + ": no label in field '"
                            + input.labelField() + "'; name it with --label-field");
                    continue;
                }
                Ingested in = normalizer.normalize(shaped.record());
                if (in instanceof Ingested.Rejected rejected) {
                    String fields = rejected.rejection().errors().stream().map(FieldError::field)
                            .collect(Collectors.toCollection(TreeSet::new)).toString();
                    count(counts, firsts, fields.substring(1, fields.length() - 1) + " invalid",
                            rejected.rejection().message());
                    continue;
                }
                Ticket ticket = ((Ingested.Accepted) in).ticket();
                Ticket plain = withoutControlCharacters(ticket);
                if (plain != ticket) {
                    controls++;
                }
                Ticket cut = truncate(plain, live);
                if (cut != ticket) {
                    truncated++;
                }
                if (shaped.filled() != null) {
                    filled++;
                }
                Object group = groupKey == null ? null : cut.metadata().get(groupKey);
                examples.add(new Example(cut, input.mapLabel(shaped.label()),
                        group == null ? (groupKey == null ? null : "") : group.toString()));
            }
        }
        List<LeftOut> leftOut = new ArrayList<>();
        counts.forEach((reason, n) -> leftOut.add(new LeftOut(reason, n[0], firsts.get(reason))));
        leftOut.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return new LabelledData(input.file().toString(), examples, read, leftOut, truncated,
                filled, controls, live);
    }

    private static void count(Map<String, int[]> counts, Map<String, String> firsts,
            String reason, String message) {
        counts.computeIfAbsent(reason, r -> new int[1])[0]++;
        firsts.putIfAbsent(reason, message);
    }

    // text pasted from a terminal (colour codes, a stray ^A) is words and spaces to a model
    private static Ticket withoutControlCharacters(Ticket t) {
        String title = spaced(t.title());
        String description = spaced(t.description());
        if (title == t.title() && description == t.description()) {
            return t;
        }
        return new Ticket(t.ticketId(), title, description, t.requesterEmail(), t.category(),
                t.priority(), t.status(), t.createdAt(), t.updatedAt(), t.assignedTo(), t.tags(),
                t.metadata(), t.score());
    }

    private static String spaced(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? s : new String(chars);
    }

    // a live ticket holds at most the live limits, so the model learns from no more than that
    private static Ticket truncate(Ticket t, IngestSettings live) {
        String title = cut(t.title(), live.maxTitleLength());
        String description = cut(t.description(), live.maxDescriptionLength());
        if (title == t.title() && description == t.description()) {
            return t;
        }
        return new Ticket(t.ticketId(), title, description, t.requesterEmail(), t.category(),
                t.priority(), t.status(), t.createdAt(), t.updatedAt(), t.assignedTo(), t.tags(),
                t.metadata(), t.score());
    }

    private static String cut(String s, int limit) {
        if (s.length() <= limit || s.codePointCount(0, s.length()) <= limit) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, limit));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    /** Returns the usable examples, in input order. */
    public List<Example> examples() {
        return examples;
    }

    /** Returns the examples as training texts, in input order. */
    public List<LabelledText> texts() {
        List<LabelledText> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            out.add(e.text());
        }
        return out;
    }

    /** Returns how many records were read. */
    public long read() {
        return read;
    }

    /** Returns how many records were left out, by reason, the most frequent first. */
    public List<LeftOut> leftOut() {
        return leftOut;
    }

    /** Returns how many records were left out. */
    public long leftOutCount() {
        return leftOut.stream().mapToLong(LeftOut::count).sum();
    }

    /** Returns how many examples had control characters in their text, replaced by spaces. */
    public long withControlCharacters() {
        return controls;
    }

    /** Returns how many examples had a text longer than the live limits, truncated for features. */
    public long truncated() {
        return truncated;
    }

    /** Returns how many examples had an empty title or description filled from the other. */
    public long filled() {
        return filled;
    }

    /** Returns the distinct labels, sorted. */
    public List<String> labels() {
        return List.copyOf(new TreeSet<>(examples.stream().map(Example::label).toList()));
    }

    /** Returns the examples split by group, groups in sorted order. */
    public Map<String, List<Example>> byGroup() {
        Map<String, List<Example>> out = new java.util.TreeMap<>();
        for (Example e : examples) {
            out.computeIfAbsent(e.group() == null ? "" : e.group(), g -> new ArrayList<>()).add(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns this data when at least {@code minLabels} labels are usable.
     *
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} naming the file, how many
     *     records were read and the first reasons records were left out, with their counts
     */
    public LabelledData requireLabels(int minLabels) {
        int labels = labels().size();
        if (labels >= minLabels && !examples.isEmpty()) {
            return this;
        }
        String what = examples.isEmpty() ? "no record is usable"
                : "needs at least " + minLabels + " distinct labels, but the usable records have "
                        + labels() ;
        throw new TriageException(ErrorCode.INPUT_UNREADABLE, source + ": " + what + " (read "
                + read + ", used " + examples.size() + ")" + reasons());
    }

    /** Returns this data when at least one record is usable; see {@link #requireLabels}. */
    public LabelledData requireUsable() {
        return requireLabels(1);
    }

    private String reasons() {
        if (leftOut.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; left out: ");
        for (int i = 0; i < Math.min(REASONS_SHOWN, leftOut.size()); i++) {
            LeftOut l = leftOut.get(i);
            sb.append(i == 0 ? "" : "; ").append(l.reason()).append(" (").append(l.count())
                    .append(" records, first ").append(l.first()).append(')');
        }
        if (leftOut.size() > REASONS_SHOWN) {
            sb.append("; and ").append(leftOut.size() - REASONS_SHOWN).append(" more reasons");
        }
        return sb.toString();
    }

    /**
     * Returns a one-line account: records read, used, truncated, filled and left out by
     * reason ("read 1500, used 1500 (43 truncated to the live limits of 200 / 10000
     * characters for features), left out 0").
     */
    public String summary() {
        StringBuilder sb = new StringBuilder("read " + read + ", used " + examples.size());
        List<String> notes = new ArrayList<>();
        if (truncated > 0) {
            notes.add(truncated + " with texts truncated for features to the live limits ("
                    + live.maxTitleLength() + " / " + live.maxDescriptionLength()
                    + " characters)");
        }
        if (controls > 0) {
            notes.add(controls + " with control characters replaced by spaces");
        }
        if (filled > 0) {
            notes.add(filled + " with an empty title or description taken from the other");
        }
        if (!notes.isEmpty()) {
            sb.append(" (").append(String.join("; ", notes)).append(')');
        }
        sb.append(", left out ").append(leftOutCount());
        if (!leftOut.isEmpty()) {
            sb.append(": ").append(leftOut.stream().map(l -> l.reason() + " " + l.count())
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }
}
