package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.helpdesktriage.core.duplicates.DuplicateFinder;
import org.helpdesktriage.core.internal.evaluate.DuplicateEvaluation;
import org.helpdesktriage.core.internal.evaluate.DuplicateHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Measures duplicate look-ups on a history with known duplicate links. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Replays a ticket history in created_at order, looks each ticket up "
                + "among the earlier ones and compares the candidates with known duplicate "
                + "links: Recall@1/5/10, MRR and MAP, each with a bootstrap 95%% interval, and "
                + "the precision and recall of the pairs flagged at the threshold.",
            "HISTORY is a CSV export: Bugzilla's (Summary, Issue id, Created, Description) or "
                + "the ticket fields (ticket_id, title, description, requester_email, "
                + "created_at). Other columns, Resolution among them, are not read. A bad row "
                + "is named and left out; the rest is measured. See docs/duplicates.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "1:an unexpected error", "2:the command line is wrong",
            "3:a file cannot be read"})
final class DuplicatesEvaluateCommand extends AbstractCommand {

    /** How many bad rows are named one by one; the rest are counted. */
    static final int NAMED_BAD_ROWS = 20;

    @Parameters(index = "0", paramLabel = "HISTORY",
            description = "The tickets, as a CSV export.")
    Path history;

    @Option(names = "--links", paramLabel = "LINKS.csv", required = true,
            description = "Known duplicates as 'Issue id,Duplicate id' rows (the second cell "
                    + "may list several ids); undirected, grouped into clusters.")
    Path links;

    @Option(names = "--top-k", paramLabel = "N", defaultValue = "3",
            description = "The most pairs flagged per ticket.")
    int topK;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.6",
            description = "The lowest score, in [0, 1], at which a pair is flagged.")
    double threshold;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed of the bootstrap intervals.")
    long seed;

    @Option(names = "--plain-bm25",
            description = "Measures plain BM25 instead, the baseline: words as they are, the "
                    + "title counted once, the whole description.")
    boolean plain;

    @Option(names = "--json", description = "Prints the figures as JSON.")
    boolean json;

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--top-k", topK, 1);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw usage("--threshold must be in [0, 1], got " + threshold);
        }
    }

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.input("HISTORY", history).input("--links", links);
    }

    @Override
    ExitCode execute() {
        List<String> bad = new ArrayList<>();
        List<DuplicateHistory.Entry> tickets = DuplicateHistory.readReports(history, bad::add);
        List<DuplicateHistory.Link> pairs = DuplicateHistory.readLinks(links, bad::add);
        bad.stream().limit(NAMED_BAD_ROWS).forEach(line -> err().println(
                "helpdesk-triage: left out: " + line));
        if (bad.size() > NAMED_BAD_ROWS) {
            err().printf(Locale.ROOT, "helpdesk-triage: left out %d more bad rows%n",
                    bad.size() - NAMED_BAD_ROWS);
        }
        DuplicateFinder.Settings settings = plain ? DuplicateFinder.Settings.plainBm25()
                : DuplicateFinder.Settings.defaults();
        long start = System.nanoTime();
        DuplicateEvaluation.Result result = DuplicateEvaluation.run(tickets, pairs, settings,
                topK, threshold, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        DuplicatesPrinter printer = new DuplicatesPrinter(out());
        if (json) {
            printer.json(result, settings, bad.size());
        } else {
            printer.text(result, settings, bad.size());
        }
        err().printf(Locale.ROOT, "helpdesk-triage: %d tickets, %d queries, %d bad rows; "
                + "evaluated in %.1f s%n", result.reports(), result.queries(), bad.size(),
                seconds);
        return ExitCode.OK;
    }
}
