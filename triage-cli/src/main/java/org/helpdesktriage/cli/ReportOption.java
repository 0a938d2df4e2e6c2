package org.helpdesktriage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --report FILE} option of commands that can also write an HTML report. */
final class ReportOption {

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also writes the figures as one self-contained HTML page (charts, "
                    + "each with a table of the same figures; no network request), atomically. "
                    + "See docs/cli.md.")
    Path file;
}
