package org.helpdesktriage.cli;

import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The option that makes a writing command report what it would change, and change nothing. */
final class DryRunOption {

    @Option(names = "--dry-run",
            description = "Changes nothing on disk: reads the store without taking its lock, "
                    + "does the work in memory and reports what would change (tickets stored "
                    + "or updated, archived or deleted, records pruned, letters retried, files "
                    + "restored). No run record, no metrics file.")
    boolean dryRun;

    /** Returns the non-zero changes as "tickets_new 3, audit_entries 3", or "nothing". */
    static String describe(Map<String, Long> changes) {
        String s = changes.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "nothing" : s;
    }
}
