package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.store.HealthCheck;
import org.helpdesktriage.store.provider.StorageProvider;
import org.helpdesktriage.store.provider.StoreSettings;
import org.helpdesktriage.store.provider.StoreType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks the configuration and the data directory, for monitors. Changes nothing. */
@Command(name = "health", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks the configuration and the data directory, for monitors.",
            "Prints every check as JSON: configuration (loaded and built as triage builds it: "
                + "rules compiled, model loaded), data directory readable and writable, disk "
                + "space, the folder a data directory at all (an empty folder, or one that "
                + "holds other things and no format-version, fails naming it), format version, lock (free, held by whom, or named by a process that "
                + "does not hold it), ticket files (corrupt ones named), leftovers of "
                + "interrupted runs, audit log, run records, dead letters, the agent ledger; "
                + "with a roster, agents no longer in it who still hold tickets (a warning).",
            "Damage fails a check; leftovers the next writer removes, a lock file naming a "
                + "process that does not hold the lock, and an unfinished last audit line are "
                + "warnings (\"warning\": true, and a line on standard error) and keep the "
                + "exit code 0.",
            "With store_type postgres: the database answers and takes the login, schema "
                + "version, pool, advisory lock holders, tickets, audit log; a database that is "
                + "down fails naming its host, port and database.",
            "Takes no lock and changes nothing.",
            "Exit code 0 when every check passes, 6 otherwise."})
final class HealthCommand extends DataDirCommand {

    @Option(names = "--min-free-mb", paramLabel = "N", defaultValue = "100",
            description = "The free disk space, in MiB, under which the disk check fails.")
    long minFreeMb;

    @Override
    void validate() {
        super.validate();
        requireAtLeast("--min-free-mb", minFreeMb, 0);
    }

    @Override
    ExitCode execute() {
        List<HealthCheck> checks = new ArrayList<>();
        Path root = dataDirOptions.dataDir;
        String database = null;
        StorageProvider storage = null;
        TriageConfig config = null;
        try {
            config = config();
            storage = storage();
            root = storage.database() ? null : storage.settings().path();
            database = storage.database() ? "the PostgreSQL store" : null;
            // what triage builds: rules compiled, the model loaded and checked against the
            // categories, so a configuration that triage refuses never reads as valid here
            TriageEngine engine = TriageEngine.builder().config(config).clock(clock()).build();
            checks.add(new HealthCheck("configuration", true, "valid: "
                    + engine.ruleCount() + " rule(s) compiled"
                    + engine.classifier().map(c -> ", classifier loaded").orElse("")));
            if (database != null) {
                database = storage.describe();
                checks.addAll(storage.health(0));
            }
        } catch (RuntimeException e) {
            // whatever is wrong with the configuration is a failed check, not a crash
            checks.add(new HealthCheck("configuration", false, ErrorHandler.message(e)));
        }
        if (database == null && root == null) {
            checks.add(new HealthCheck("data directory", false, "unknown: the configuration "
                    + "is invalid and no --data-dir was given"));
        } else if (database == null) {
            long minFreeBytes = Math.min(minFreeMb, Long.MAX_VALUE >> 20) << 20;
            checks.addAll(dataDirectory(storage, root).health(minFreeBytes));
        }
        if (config != null && HealthCheck.healthy(checks)) {
            AssignPrinter.removedAgents(config, storage, clock().instant()).ifPresent(checks::add);
        }
        boolean healthy = HealthCheck.healthy(checks);
        ObjectNode report = OpsJson.object();
        report.put("healthy", healthy);
        report.put("data_dir", root == null ? null : root.toString());
        if (database != null) {
            report.put("database", database);
        }
        ArrayNode list = report.putArray("checks");
        checks.forEach(c -> list.addObject().put("name", c.name()).put("ok", c.ok())
                .put("warning", c.warning()).put("detail", c.detail()));
        out().println(OpsJson.pretty(report));
        checks.stream().filter(HealthCheck::warning).forEach(c -> err().println(
                "helpdesk-triage: warning: " + c.name() + ": " + c.detail()));
        if (!healthy) {
            err().println("helpdesk-triage: unhealthy: " + checks.stream()
                    .filter(c -> !c.ok()).map(HealthCheck::toString)
                    .collect(java.util.stream.Collectors.joining("; ")));
            return ExitCode.DATA_PROBLEM;
        }
        return ExitCode.OK;
    }

    // the configured store, or, when the configuration is invalid, the --data-dir given
    private StorageProvider dataDirectory(StorageProvider configured, Path root) {
        return configured != null ? configured : StorageProvider.of(new StoreSettings(
                StoreType.FILE, root, Optional.empty(), Optional.empty()), Map.of(),
                Duration.ZERO, clock());
    }
}
