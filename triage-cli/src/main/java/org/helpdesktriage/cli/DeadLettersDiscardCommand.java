package org.helpdesktriage.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.DeadLetterLog;
import org.helpdesktriage.store.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Discards dead letters that will never be retried: by id, or by age. */
@Command(name = "discard", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Deletes the dead letters named by ID, or those that last failed longer "
                + "ago than --older-than, for records that will never be retried. cleanup "
                + "prunes them by age too (--keep-dead-letters)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every named dead letter was discarded", "1:an unexpected error",
            "2:the command line is wrong",
            "3:some named dead letters do not exist (the others were discarded)",
            "5:another process holds the data directory's lock"})
final class DeadLettersDiscardCommand extends RecordedCommand {

    @Parameters(paramLabel = "ID", arity = "0..*",
            description = "The dead letters to discard, as dead-letters list names them.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--older-than", paramLabel = "AGE",
            converter = AgeConverter.class,
            description = "Discards every dead letter that last failed longer ago than this: "
                    + "90d, 12h, 30m.")
    Duration olderThan;

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Override
    String runName() {
        return "dead-letters discard";
    }

    @Override
    boolean dryRun() {
        return dryRunOption.dryRun;
    }

    @Override
    void validate() {
        super.validate();
        if (ids.isEmpty() == (olderThan == null)) {
            throw usage("name the dead letters to discard by ID, or give --older-than, "
                    + "not both and not neither");
        }
    }

    @Override
    void declareMetrics(TriageConfig config, Metrics metrics) {
        metrics.declare("helpdesk_triage_dead_letters_discarded_total", Map.of());
    }

    @Override
    ExitCode run(TriageConfig config, RecordedRun run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        DeadLetterLog letters = run.data().deadLetters();
        String verb = dryRun() ? "would discard " : "discarded ";
        long discarded = 0;
        List<String> missing = new ArrayList<>();
        if (olderThan != null) {
            details.put("older_than", olderThan.toString());
            Instant cutoff = run.clock().instant().minus(olderThan);
            for (DeadLetter d : letters.pruneBefore(cutoff)) {
                say(verb + d.id());
                discarded++;
            }
        } else {
            for (String id : ids) {
                if (letters.remove(id)) {
                    say(verb + id);
                    discarded++;
                } else {
                    missing.add(id);
                }
            }
        }
        missing.forEach(id -> err().println("error: there is no dead letter '" + id
                + "'; helpdesk-triage dead-letters list names them"));
        counts.put("dead_letters_discarded", discarded);
        metrics.add("helpdesk_triage_dead_letters_discarded_total", Map.of(), discarded);
        tell("helpdesk-triage: " + (dryRun() ? "would discard " : "discarded ") + discarded
                + " dead letter(s)" + (dryRun() ? "" : ", run " + run.runId()));
        return missing.isEmpty() ? ExitCode.OK : ExitCode.INPUT_OR_CONFIG;
    }
}
