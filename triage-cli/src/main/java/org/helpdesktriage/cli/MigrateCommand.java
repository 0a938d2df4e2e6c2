package org.helpdesktriage.cli;

import java.time.Duration;
import org.helpdesktriage.store.provider.StorageProvider;
import org.helpdesktriage.store.provider.StoreSettings;
import picocli.CommandLine.Command;

/** Creates or upgrades the schema of the PostgreSQL store. */
@Command(name = "migrate", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = VersionProvider.class,
        description = {"Creates the schema of the PostgreSQL store in an empty database, or "
                + "upgrades an older one (Flyway migrations), in the database store_url (or "
                + "HELPDESK_STORE_URL) names, logging in as HELPDESK_DB_USER with "
                + "HELPDESK_DB_PASSWORD or db_password_file.",
            "The other commands never change the schema: they refuse a database without it, "
                + "or with another version, naming the database.",
            "Exit code 0 when the schema is current, 6 when the database cannot be reached or "
                + "has a newer schema than this program knows (nothing is changed then)."})
final class MigrateCommand extends AbstractCommand {

    // the other commands' option, so that a line copied from them (or from an error) works
    @picocli.CommandLine.Option(names = "--store", paramLabel = "TYPE",
            description = "postgres, the only store with a schema to migrate; the default.")
    String store = "postgres";

    @Override
    void validate() {
        super.validate();
        if (!store.equals("postgres")) {
            throw usage("--store " + store + " has no schema to migrate: only the PostgreSQL "
                    + "store has one (--store postgres)");
        }
    }

    @Override
    ExitCode execute() {
        out().println(StorageProvider.of(StoreSettings.from(config()), environment().variables(),
                Duration.ZERO, clock()).migrate());
        return ExitCode.OK;
    }
}
