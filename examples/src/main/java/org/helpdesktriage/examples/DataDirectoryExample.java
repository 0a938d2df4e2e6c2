package org.helpdesktriage.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.BatchTriage;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.job.TriageJob;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.RecordedRun;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.provider.StorageProvider;
import org.helpdesktriage.store.provider.StoreSettings;
import org.helpdesktriage.store.provider.StoreType;

/**
 * Keeps triaged tickets in a data directory, as {@code triage --store file} does: opened
 * through the store's provider (the only way in: the file store itself is not exported), a run
 * that records its rejects as dead letters, then the directory's health.
 * Run from the repository root: {@code DataDirectoryExample [examples/tickets-with-errors.jsonl]}.
 */
public final class DataDirectoryExample {

    private DataDirectoryExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) throws IOException {
        Path input = Path.of(args.length > 0 ? args[0] : "examples/tickets-with-errors.jsonl");
        Path data = Files.createTempDirectory("triage-data");
        Path out = Files.createTempDirectory("triage-out");
        Clock clock = Clock.systemUTC();
        StorageProvider provider = StorageProvider.of(new StoreSettings(StoreType.FILE, data,
                Optional.empty(), Optional.empty()), Map.of(), Duration.ofSeconds(5), clock);
        TriageConfig config = TriageConfig.defaults();
        try (Storage storage = provider.openForWriting("example", true, 1);
                RecordedRun run = RecordedRun.start(storage, "example", clock)) {
            TriageEngine engine = run.engine(config).build();
            BatchTriage.Summary summary = TriageJob.builder(engine)
                    .input(input)
                    .output(out.resolve("triaged.json"))
                    .rejects(out.resolve("triaged.rejects.jsonl"))
                    .storing(run.storing(engine))
                    .listener(run.deadLetters())
                    .build()
                    .run();
            System.out.println(summary.triaged() + " stored, " + summary.rejected()
                    + " kept as dead letters");
        }
        try (Storage storage = provider.openForReading()) {
            System.out.println("tickets in the data directory: "
                    + storage.tickets().scan().tickets().size());
            System.out.println("dead letters: " + storage.deadLetters().list().size());
        }
        boolean healthy = HealthCheck.healthy(provider.health(0));
        System.out.println("healthy: " + healthy);
    }
}
