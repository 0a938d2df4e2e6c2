package org.helpdesktriage.cli;

import java.nio.file.Path;
import org.helpdesktriage.store.provider.BackupResult;
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
        requireExisting();
        // everything that can fail happens before the archive's name is printed
        BackupResult result = storage().backup(out, listener());
        out().println(result.archive());
        String summary = "helpdesk-triage: backup of " + result.store() + " written and verified";
        if (result.contents().isPresent()) {
            tell(summary + ": " + result.contents().get());
        } else {
            err().println(summary);
        }
        return ExitCode.OK;
    }
}
