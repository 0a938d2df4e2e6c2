package org.helpdesktriage.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.job.TriageJob;

/**
 * Embeds what {@code helpdesk-triage INPUT OUTPUT} does, in one call: a file in, results and
 * rejects out, both written atomically, every record counted.
 * Run from the repository root: {@code FileJobExample [examples/tickets-with-errors.jsonl]}.
 */
public final class FileJobExample {

    private FileJobExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) throws IOException {
        Path input = Path.of(args.length > 0 ? args[0] : "examples/tickets-with-errors.jsonl");
        Path dir = Files.createTempDirectory("triage-job");
        TriageEngine engine = TriageEngine.builder().config(TriageConfig.defaults()).build();
        BatchTriage.Summary summary = TriageJob.builder(engine)
                .input(input)
                .output(dir.resolve("triaged.json"))
                .rejects(dir.resolve("triaged.rejects.jsonl"))
                .listener(new TriageJob.Listener() {
                    @Override
                    public void rejected(Rejection rejection) {
                        System.out.println("rejected " + rejection.position() + ": "
                                + rejection.message());
                    }
                })
                .build()
                .run();
        System.out.println(summary.read() + " read, " + summary.triaged() + " triaged, "
                + summary.rejected() + " rejected");
        System.out.println("results: " + dir.resolve("triaged.json") + ", "
                + Files.size(dir.resolve("triaged.json")) + " bytes");
    }
}
