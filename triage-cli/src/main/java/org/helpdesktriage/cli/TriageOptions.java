package org.helpdesktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.internal.output.OutputFormat;
import org.helpdesktriage.core.job.TriageJob;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The triage command's files and options: INPUT, OUTPUT, the rejects file and how records are
 * read and results written; what the command hands to its {@link TriageJob}.
 */
final class TriageOptions {

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "The ticket file: JSON object or array, JSON Lines, CSV with a header "
                    + "row, or text blocks; - for standard input.")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", arity = "0..1", defaultValue = "-",
            description = "The result file, written atomically; - for standard output.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The input format: ${COMPLETION-CANDIDATES}. Default: from INPUT's "
                    + "extension, else from its content.")
    InputFormat format;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "The output format: ${COMPLETION-CANDIDATES}. Default: from OUTPUT's "
                    + "extension, else json.")
    OutputFormat outputFormat;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "The rejects file (JSON Lines). Default: OUTPUT.rejects.jsonl, or "
                    + "standard error when OUTPUT is standard output.")
    Path rejects;

    @Option(names = "--explain",
            description = "Adds to each result every rule evaluated, and why each did or did "
                    + "not match.")
    boolean explain;

    @Option(names = "--no-fail-on-reject",
            description = "Exits 0 instead of 4 when some records were rejected.")
    boolean noFailOnReject;

    @Option(names = "--text-field", paramLabel = "FIELD",
            description = "A field holding the whole text of a record without title and "
                    + "description (a history file): its first words become the title, the "
                    + "rest the description; a record without an id or a requester gets "
                    + "placeholders.")
    String textField;

    @Option(names = "--label-field", paramLabel = "FIELD",
            description = "A field holding a label (a history file): left out of the "
                    + "tickets, so the same file and options serve train, evaluate and triage.")
    String labelField;

    // the default depends on the machine, so it is said, not shown (the man pages stay the same)
    @Option(names = "--parallelism", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads; the output keeps input order whatever the number. "
                    + "Default: the number of processors.")
    int parallelism = Runtime.getRuntime().availableProcessors();

    @Option(names = "--store", paramLabel = "TYPE",
            description = "Where triaged tickets are kept: memory (nowhere after the run), "
                    + "file (the data directory, with audit entries, dead letters and a run "
                    + "record) or postgres (the same in the PostgreSQL database store_url names,"
                    + " shared by many processes). Default: store_type from the configuration.")
    String store;

    /** Returns the rejects file: --rejects, else OUTPUT.rejects.jsonl, else none (stderr). */
    Path rejectsPath() {
        if (rejects != null) {
            return rejects;
        }
        return toStdout() ? null : Path.of(output + ".rejects.jsonl");
    }

    boolean toStdout() {
        return output.equals("-");
    }

    /**
     * Returns a usage problem of these options, found before anything is opened or written, or
     * none: a folder for a file, or files with --dry-run, which writes none and needs a store
     * ({@code storing}).
     */
    Optional<String> problem(boolean dryRun, boolean storing) {
        Path r = rejectsPath();
        if (!toStdout() && Files.isDirectory(Path.of(output))) {
            return Optional.of("OUTPUT '" + output
                    + "' is a directory; name a file to write the results to");
        }
        if (r != null && Files.isDirectory(r)) {
            return Optional.of("the rejects file '" + r
                    + "' is a directory; name a file with --rejects");
        }
        if (dryRun && !storing) {
            return Optional.of("--dry-run shows what triage would store; give --store file or "
                    + "postgres (store_type is memory, which stores nothing)");
        }
        if (dryRun && (!toStdout() || rejects != null)) {
            return Optional.of("--dry-run writes no file; leave out OUTPUT and --rejects to see "
                    + "the results on standard output and the rejects on standard error");
        }
        return Optional.empty();
    }

    /** Names the files for the check that no output overwrites an input. */
    void files(CommandFiles files, Path shadow) {
        files.input("INPUT", Path.of(input)).output("OUTPUT", Path.of(output))
                .output("--rejects", rejectsPath()).input("--shadow", shadow);
    }

    /**
     * Returns a job of {@code engine} writing where these options say: OUTPUT, else
     * {@code stdout}; the rejects file, else {@code stderr}.
     */
    TriageJob.Builder job(TriageEngine engine, StdoutStream stdout, StdoutStream stderr) {
        TriageJob.Builder job = TriageJob.builder(engine).explain(explain)
                .parallelism(parallelism)
                .outputFormat(Optional.ofNullable(outputFormat).or(() -> toStdout()
                        ? Optional.empty() : OutputFormat.fromFileName(output))
                        .orElse(OutputFormat.JSON).id());
        job = toStdout() ? job.output(stdout) : job.output(Path.of(output));
        Path r = rejectsPath();
        return r == null ? job.rejects(stderr) : job.rejects(r);
    }

    /** Puts the files in the run record's details. */
    void describe(Map<String, String> details) {
        Path r = rejectsPath();
        details.put("input", input);
        details.put("output", output);
        details.put("rejects", r == null ? "-" : r.toString());
    }

    TriageInput input() {
        return new TriageInput(input, format, textField, labelField);
    }
}
