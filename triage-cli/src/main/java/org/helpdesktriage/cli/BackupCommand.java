package org.helpdesktriage.cli;

import java.nio.file.Path;
import org.helpdesktriage.store.Backup;
import org.helpdesktriage.store.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a verified backup archive of the data directory. */
@Command(name = "backup", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Writes a verified backup archive of the data directory.",
            "The archive is DIR/helpdesk-triage-backup-<yyyyMMddTHHmmssZ>.tar.gz, with "
                + "manifest.json and checksums.sha256; it is read back and verified before it "
                + "gets that name.",
            "Takes the data directory lock (see --wait), so no run writes meanwhile. Refuses, "
                + "writing nothing, when a ticket file cannot be read.",
            "Exit code 5 when another process holds the lock, 6 when the backup is refused or "
                + "cannot be written."})
final class BackupCommand extends DataDirCommand {

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory the archive is written to; created if missing.")
    Path out;

    @Override
    ExitCode execute() {
        try (DataDirectory data = openForWriting("backup")) {
            int tickets = data.tickets().scan().count();
            int auditFiles = data.audit().files().size();
            Path archive = Backup.create(data.root(), out, clock());
            out().println(archive);
            tell("helpdesk-triage: backup of " + data.root() + " written and verified: "
                    + tickets + " ticket(s), " + auditFiles + " audit file(s), "
                    + data.runs().list().size() + " run record(s)");
            return ExitCode.OK;
        }
    }
}
