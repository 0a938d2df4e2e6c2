package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReader;
import org.helpdesktriage.core.ingest.RecordReaders;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.store.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Triages dead letters again, for example after a configuration fix. */
@Command(name = "retry", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Triages the kept rejected records again with the current configuration."
                + " Those that succeed are stored and leave the dead letters; those that fail "
                + "stay, with their new reason and one more attempt counted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every retried record was triaged", "1:an unexpected error",
            "2:the command line is wrong", "3:the configuration is invalid",
            "4:some records failed again", "5:another process holds the data directory's lock"})
final class DeadLettersRetryCommand extends RecordedCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--limit", paramLabel = "N",
            description = "Retries only the N oldest dead letters (default: all).")
    Integer limit;

    @Override
    String runName() {
        return "dead-letters retry";
    }

    @Override
    ExitCode run(TriageConfig config, RunRecorder run, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        TriageEngine engine = TriageEngine.builder().config(config).clock(clock())
                .store(run.data().tickets()).auditLog(run.data().audit())
                .runId(run.runId()).build();
        List<DeadLetter> letters = limit == null ? run.data().deadLetters().list()
                : run.data().deadLetters().oldest(limit);
        long triaged = 0;
        for (DeadLetter letter : letters) {
            TriageOutcome outcome = engine.triage(record(letter));
            if (outcome instanceof TriageOutcome.Triaged t) {
                run.data().deadLetters().remove(letter.id());
                triaged++;
                metrics.increment("helpdesk_triage_retries_total", "outcome=\"triaged\"");
                out().printf("%s triaged: %s -> %s%n", letter.id(),
                        t.result().ticket().ticketId(), t.result().routing().assignedTo());
            } else {
                String reason = ((TriageOutcome.Rejected) outcome).rejection().message();
                run.data().deadLetters().save(letter.failedAgain(clock().instant(), reason,
                        run.runId()));
                metrics.increment("helpdesk_triage_retries_total", "outcome=\"rejected\"");
                out().printf("%s failed again: %s%n", letter.id(), reason);
            }
        }
        counts.put("retried", (long) letters.size());
        counts.put("triaged", triaged);
        counts.put("failed", letters.size() - triaged);
        err().printf("helpdesk-triage: retried %d, triaged %d, failed again %d, run %s%n",
                letters.size(), triaged, letters.size() - triaged, run.runId());
        return triaged == letters.size() ? ExitCode.OK : ExitCode.REJECTED;
    }

    // a record that never parsed is kept as its raw text: read it again as one JSON line
    private static RawRecord record(DeadLetter letter) {
        SourcePosition position = new SourcePosition("dead letter " + letter.id() + " ("
                + letter.source() + ")", 1, 1);
        Map<String, Object> fields = letter.record();
        if (fields.size() == 1 && fields.get("raw") instanceof String raw) {
            try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(
                    raw.getBytes(StandardCharsets.UTF_8)), InputFormat.JSONL, position.source())) {
                if (reader.hasNext()) {
                    return reader.next();
                }
            }
            return RawRecord.unparseable(position, raw, "the record is empty");
        }
        try {
            return RawRecord.of(position, fields, MAPPER.writeValueAsString(fields));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
