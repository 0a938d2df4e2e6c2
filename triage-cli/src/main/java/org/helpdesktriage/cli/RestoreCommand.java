package org.helpdesktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.helpdesktriage.store.DataDirectoryLock;
import org.helpdesktriage.store.Restore;
import org.helpdesktriage.store.postgres.PostgresBackup;
import org.helpdesktriage.store.postgres.PostgresStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Replaces the data directory with a backup archive, all or nothing. */
@Command(name = "restore", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Replaces the data directory (or the PostgreSQL store, in one "
                + "transaction under its exclusive advisory lock) with the contents of an "
                + "archive: a backup written by 'helpdesk-triage backup', or a tar.gz of a data "
                + "directory ('with-lock -- tar czf FILE DIR').",
            "Takes the data directory lock (see --wait). The archive is verified whole first, "
                + "within limits on entries and sizes: a backup by every checksum, every "
                + "ticket and the manifest's counts; a plain tar by parsing every file in it. "
                + "A refused archive leaves the data directory untouched. The current "
                + "directory is kept as <dir>.pre-restore-<time>; a symbolic link to the data "
                + "directory stays a link.",
            "Exit code 3 when the archive does not exist, 5 when another process holds the "
                + "lock, 6 when the archive is refused."})
final class RestoreCommand extends DataDirCommand {

    @Option(names = "--archive", paramLabel = "FILE", required = true,
            description = "The archive: a backup, or a tar.gz of a data directory.")
    Path archive;

    @Override
    ExitCode execute() {
        if (!Files.isRegularFile(archive)) {
            err().println("error: backup archive " + archive + " does not exist or is not a "
                    + "file; nothing was restored");
            return ExitCode.INPUT_OR_CONFIG;
        }
        if (postgres()) {
            // verified whole first, then replaced in one transaction, under the exclusive lock
            try (PostgresStorage data = (PostgresStorage) openForWriting("restore", true)) {
                int tickets = PostgresBackup.restore(data.database(), archive);
                out().println("restored " + tickets + " ticket(s) from " + archive + " into "
                        + data.describe());
                return ExitCode.OK;
            }
        }
        Path root = root();
        Restore.Result result;
        // the lock alone, not DataDirectory: opening would migrate or create what is replaced
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root, "restore",
                dataDirOptions.waitTime(), clock())) {
            lock.tookOverFrom().ifPresent(h -> err().println(
                    "helpdesk-triage: took over a stale lock left by " + h.describe()));
            result = Restore.run(archive, root, clock());
        }
        result.notes().forEach(n -> tell("helpdesk-triage: " + n));
        say("restored " + result.tickets() + " ticket(s) from " + archive + " into "
                + root + (result.backup() ? "" : " (a plain tar, every file parsed)"));
        result.previous().ifPresent(p -> say("the previous data directory was moved "
                + "to " + p));
        return ExitCode.OK;
    }
}
