package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.store.Storage;
import org.helpdesktriage.store.provider.StorageProvider;
import picocli.CommandLine.Mixin;

/** The base of the operator commands that work on the data directory. */
abstract class DataDirCommand extends AbstractCommand {

    @Mixin
    DataDirOptions dataDirOptions = new DataDirOptions();

    @Override
    DataDirOptions storeOptions(TriageConfig loaded) {
        return dataDirOptions;
    }

    @Override
    void validate() {
        super.validate();
        dataDirOptions.validate(this);
    }

    /** Returns the data directory: --data-dir, else store_path from the configuration. */
    final Path root() {
        return dataDirOptions.root(config());
    }

    /** Opens the existing store (data directory or PostgreSQL) without the lock. */
    final Storage openForReading() {
        requireExisting();
        return dataDirOptions.readStorage(config(), environment().variables(), clock());
    }

    /**
     * Opens the existing store under its lock (for PostgreSQL: the exclusive advisory lock when
     * {@code exclusive}, else the shared one) and prints what opening did (a stale lock taken
     * over, a migration).
     */
    final Storage openForWriting(String command, boolean exclusive) {
        requireExisting();
        Storage data = dataDirOptions.openStorage(config(), environment().variables(), command,
                exclusive, 1, clock());
        data.notices().forEach(n -> tell("helpdesk-triage: " + n));
        return data;
    }

    /** Returns the provider of the configured store, with --data-dir and --wait. */
    final StorageProvider storage() {
        return dataDirOptions.provider(config(), environment().variables(), clock());
    }

    /**
     * Returns a listener that prints what a store operation says on standard error: notices
     * unless --quiet, reports always.
     */
    final StorageProvider.Listener listener() {
        return new StorageProvider.Listener() {
            @Override
            public void notice(String line) {
                tell("helpdesk-triage: " + line);
            }

            @Override
            public void report(String line) {
                err().println("helpdesk-triage: " + line);
            }
        };
    }

    /** Returns whether the configured store is PostgreSQL. */
    final boolean postgres() {
        return DataDirOptions.postgres(config());
    }

    // a mistyped --data-dir must not read as an empty store, nor be created by a write
    final void requireExisting() {
        if (postgres()) {
            return; // opening checks the database and its schema, and creates nothing
        }
        Path root = root();
        if (!Files.isDirectory(root)) {
            throw new TriageException(ErrorCode.STORE_FAILED, "data directory " + root
                    + " does not exist; check --data-dir or store_path");
        }
    }

    /**
     * Reports unreadable ticket files on stderr, the same way for every command that reads the
     * whole store, and returns the exit code: OK when there are none, DATA_PROBLEM otherwise.
     */
    final ExitCode reportCorrupt(List<CorruptRecord> corrupt) {
        if (corrupt.isEmpty()) {
            return ExitCode.OK;
        }
        err().println("error: " + corrupt.size() + " ticket file(s) cannot be read; they are "
                + "not in the output (run 'helpdesk-triage health' for every check):");
        corrupt.forEach(c -> err().println("  " + c));
        return ExitCode.DATA_PROBLEM;
    }

    /**
     * Prints a listing: a JSON array of {@code toJson} of each item with {@code --json}, else
     * {@code table} with one {@code row} per item.
     */
    final <T> void printList(List<T> items, boolean json, Function<T, JsonNode> toJson,
            Table table, Function<T, Object[]> row) {
        if (json) {
            out().println(OpsJson.pretty(OpsJson.array(items, toJson)));
            return;
        }
        items.forEach(item -> table.row(row.apply(item)));
        table.print(out());
    }
}
