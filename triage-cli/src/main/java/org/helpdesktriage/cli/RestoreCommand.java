package org.helpdesktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.helpdesktriage.store.RestorePlan;
import org.helpdesktriage.store.RestoreResult;
import org.helpdesktriage.store.provider.StorageProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                + "lock, 6 when the archive is refused or the data directory is a folder that "
                + "is not one (not empty, no format-version)."})
final class RestoreCommand extends DataDirCommand {

    @Option(names = "--archive", paramLabel = "FILE", required = true,
            description = "The archive: a backup, or a tar.gz of a data directory.")
    Path archive;

    @Mixin
    DryRunOption dryRunOption = new DryRunOption();

    @Override
    void validate() {
        super.validate();
        if (dryRunOption.dryRun && postgres()) {
            throw usage("--dry-run compares the archive with a data directory; with the "
                    + "PostgreSQL store, restore into a scratch database instead");
        }
    }

    @Override
    ExitCode execute() {
        if (!Files.isRegularFile(archive)) {
            err().println("error: backup archive " + archive + " does not exist or is not a "
                    + "file; nothing was restored");
            return ExitCode.INPUT_OR_CONFIG;
        }
        if (dryRunOption.dryRun) {
            return plan(root());
        }
        StorageProvider storage = storage();
        RestoreResult result = storage.restore(archive, listener());
        if (storage.database()) {
            out().println("restored " + result.tickets() + " ticket(s) from " + archive
                    + " into " + storage.describe());
            return ExitCode.OK;
        }
        result.notes().forEach(n -> tell("helpdesk-triage: " + n));
        say("restored " + result.tickets() + " ticket(s) from " + archive + " into "
                + root() + (result.backup() ? "" : " (a plain tar, every file parsed)"));
        result.previous().ifPresent(p -> say("the previous data directory was moved "
                + "to " + p));
        return ExitCode.OK;
    }

    // the archive checked whole and compared with the directory; no lock, nothing written
    private ExitCode plan(Path root) {
        RestorePlan plan = storage().planRestore(archive);
        plan.notes().forEach(n -> tell("helpdesk-triage: " + n));
        Table table = new Table("FILES", "ADDED", "CHANGED", "REMOVED", "UNCHANGED");
        for (String kind : new String[] {"tickets", "runs", "dead_letters", "audit", "other"}) {
            table.row(kind, plan.changes().get(kind + "_added"),
                    plan.changes().get(kind + "_changed"), plan.changes().get(kind + "_removed"),
                    plan.changes().get(kind + "_unchanged"));
        }
        table.print(out());
        say("dry run: " + archive + " is sound (" + (plan.backup() ? "a backup, checksums "
                + "verified" : "a plain tar, every file parsed") + "); restoring it would put "
                + plan.tickets() + " ticket(s) in " + root + "; nothing was changed");
        return ExitCode.OK;
    }
}
