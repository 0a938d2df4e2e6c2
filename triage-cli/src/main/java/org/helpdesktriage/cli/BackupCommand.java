package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.util.List;
import org.helpdesktriage.core.store.CorruptRecord;
import org.helpdesktriage.store.Backup;
import org.helpdesktriage.store.DataDirectory;
import org.helpdesktriage.store.postgres.PostgresBackup;
import org.helpdesktriage.store.postgres.PostgresStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a verified backup archive of the data directory. */
@Command(name = "backup", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Writes a verified backup archive of the data directory, or of the "
                + "PostgreSQL store (store_type postgres) in the same format.",
            "The archive is DIR/helpdesk-triage-backup-<yyyyMMddTHHmmssZ>.tar.gz, with "
                + "manifest.json and checksums.sha256; it is read back and verified before it "
                + "gets that name.",
            "Takes the data directory lock (see --wait), so no run writes meanwhile. Refuses, "
                + "writing nothing, when a ticket file cannot be read. Never follows a symbolic "
                + "link; an unreadable run record is a warning. Removes the temporary archives "
                + "of interrupted backups of the same data directory from DIR.",
            "Exit code 5 when another process holds the lock, 6 when the backup is refused or "
                + "cannot be written."})
final class BackupCommand extends DataDirCommand {

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory the archive is written to; created if missing.")
    Path out;

    @Override
    ExitCode execute() {
        if (postgres()) {
            // one REPEATABLE READ snapshot is consistent by itself: runs may go on meanwhile
            try (PostgresStorage data = (PostgresStorage) openForReading()) {
                Path archive = PostgresBackup.create(data.database(), out, clock());
                out().println(archive);
                err().println("helpdesk-triage: backup of " + data.describe()
                        + " written and verified");
                return ExitCode.OK;
            }
        }
        Path archive;
        String summary;
        // everything that can fail happens before the archive's name is printed
        try (DataDirectory data = (DataDirectory) openForWriting("backup", true)) {
            int tickets = data.tickets().scan().count();
            int auditFiles = data.audit().files().size();
            int runs = data.runs().count();
            List<CorruptRecord> badRuns = data.runs().problems();
            archive = Backup.create(data.root(), out, clock(),
                    n -> tell("helpdesk-triage: " + n));
            badRuns.forEach(c -> err().println("helpdesk-triage: warning: run record "
                    + c.location() + " cannot be read (" + c.problem() + "); it is in the "
                    + "backup as it is"));
            Backup.removeLeftovers(data.root(), out).forEach(p -> tell(
                    "helpdesk-triage: removed " + p + ", left by a backup that was interrupted"));
            summary = "helpdesk-triage: backup of " + data.root() + " written and verified: "
                    + tickets + " ticket(s), " + auditFiles + " audit file(s), " + runs
                    + " run record(s)";
        }
        out().println(archive);
        tell(summary);
        return ExitCode.OK;
    }
}
