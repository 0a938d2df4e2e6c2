package org.helpdesktriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.helpdesktriage.core.duplicates.DuplicateFinder;
import org.helpdesktriage.core.internal.evaluate.DuplicateEvaluation;

/** Prints what {@code duplicates evaluate} measured, as a table or as JSON. */
final class DuplicatesPrinter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;

    DuplicatesPrinter(PrintWriter out) {
        this.out = out;
    }

    void text(DuplicateEvaluation.Result r, DuplicateFinder.Settings settings, int badRows) {
        out.printf(Locale.ROOT, "%d tickets replayed, %d queries (tickets with an earlier known "
                + "duplicate); %d links, %d with a ticket not in the history; %d bad rows%n",
                r.reports(), r.queries(), r.links(), r.linksOutside(), badRows);
        out.printf(Locale.ROOT, "settings: %s%n", describe(settings));
        out.printf(Locale.ROOT, "%-10s %6s   %s%n", "figure", "value", "95% interval (bootstrap,"
                + " seed " + r.seed() + ")");
        row("Recall@1", r.recallAt1());
        row("Recall@5", r.recallAt5());
        row("Recall@10", r.recallAt10());
        row("MRR", r.mrr());
        row("MAP", r.map());
        out.printf(Locale.ROOT, "flagged at threshold %.2f (at most %d per ticket): %d pairs, "
                + "%d true; precision %s, recall %s (of %d true pairs)%n", r.threshold(),
                r.topK(), r.flagged(), r.flaggedTrue(), figure(r.precision()),
                figure(r.recall()), r.truePairs());
        if (r.cutTexts() > 0) {
            out.printf(Locale.ROOT, "%d titles or descriptions were cut for length%n",
                    r.cutTexts());
        }
    }

    private void row(String name, DuplicateEvaluation.Interval i) {
        out.printf(Locale.ROOT, "%-10s %6s   [%s, %s]%n", name, figure(i.value()),
                figure(i.low()), figure(i.high()));
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String describe(DuplicateFinder.Settings s) {
        return String.format(Locale.ROOT, "%s, title x%d, first %d words of the description, "
                + "same requester +%.2f", s.englishAnalysis() ? "English analysis (stemming, "
                + "stop words)" : "plain words", s.titleWeight(), s.descriptionTokens(),
                s.requesterBonus());
    }

    void json(DuplicateEvaluation.Result r, DuplicateFinder.Settings s, int badRows) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reports", r.reports()).put("queries", r.queries()).put("links", r.links())
                .put("links_outside", r.linksOutside()).put("bad_rows", badRows);
        ObjectNode settings = n.putObject("settings");
        settings.put("english_analysis", s.englishAnalysis()).put("title_weight", s.titleWeight())
                .put("description_tokens", s.descriptionTokens())
                .put("requester_bonus", s.requesterBonus());
        interval(n, "recall_at_1", r.recallAt1());
        interval(n, "recall_at_5", r.recallAt5());
        interval(n, "recall_at_10", r.recallAt10());
        interval(n, "mrr", r.mrr());
        interval(n, "map", r.map());
        n.put("bootstrap_seed", r.seed()).put("bootstrap_resamples",
                DuplicateEvaluation.RESAMPLES);
        ObjectNode flagged = n.putObject("flagged");
        flagged.put("threshold", r.threshold()).put("top_k", r.topK())
                .put("pairs", r.flagged()).put("true", r.flaggedTrue())
                .put("true_pairs", r.truePairs());
        put(flagged, "precision", r.precision());
        put(flagged, "recall", r.recall());
        n.put("cut_texts", r.cutTexts());
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void interval(ObjectNode parent, String name, DuplicateEvaluation.Interval i) {
        ObjectNode n = parent.putObject(name);
        put(n, "value", i.value());
        put(n, "low", i.low());
        put(n, "high", i.high());
    }

    private static void put(ObjectNode n, String name, double value) {
        if (Double.isNaN(value)) {
            n.putNull(name);
        } else {
            n.put(name, Math.round(value * 1e6) / 1e6);
        }
    }
}
