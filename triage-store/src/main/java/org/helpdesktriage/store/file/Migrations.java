package org.helpdesktriage.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The steps that bring an older data directory to {@link FormatVersion#CURRENT}, one version at
 * a time. A new format adds a step here; {@link DataDirectory} runs the needed steps in order,
 * under the lock and after a backup.
 */
final class Migrations {

    /** One step: migrates a directory of version {@code from()} to {@code from() + 1}. */
    interface Step {
        int from();

        void migrate(Path root) throws IOException;
    }

    /** Version 0 (no version file) has the layout of version 1: only the file is missing. */
    private static final Step V0_TO_V1 = new Step() {
        @Override
        public int from() {
            return 0;
        }

        @Override
        public void migrate(Path root) throws IOException {
            Files.createDirectories(root.resolve(FileAuditLog.AUDIT));
            FormatVersion.write(root, 1);
        }
    };

    static final List<Step> STEPS = List.of(V0_TO_V1);

    private Migrations() {
    }

    /** Runs the steps from {@code version} up to the current version. */
    static void run(Path root, int version) throws IOException {
        for (int v = version; v < FormatVersion.CURRENT; v++) {
            int from = v;
            Step step = STEPS.stream().filter(s -> s.from() == from).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no migration from version "
                            + from));
            step.migrate(root);
        }
    }
}
