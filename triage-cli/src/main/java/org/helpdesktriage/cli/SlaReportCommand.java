package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.helpdesktriage.cli.report.SlaHtml;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes the SLA report of the stored tickets as one HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Writes an HTML report of the stored tickets' SLAs: breached and at-risk "
                + "tickets per day, first-response and resolution times against their targets "
                + "(percentiles), and the tickets breaching now; one self-contained file, "
                + "written atomically. See docs/sla.md.",
            "States are those 'sla status' lists, measured at the end of each day (UTC) or at "
                + "--now. Ticket files that cannot be read are named on stderr and the exit "
                + "code is 6."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:an unexpected error", "2:the command line is wrong",
            "3:the configuration is invalid or has no SLA policies",
            "6:some ticket files cannot be read (the others are reported)"})
final class SlaReportCommand extends DataDirCommand {

    static final int MAX_DAYS = 366;

    @Parameters(index = "0", paramLabel = "FILE", description = "The HTML file to write.")
    Path file;

    @Option(names = "--since", paramLabel = "DATE",
            description = "The first day of the report (UTC). Default: 29 days before --until.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "The last day of the report (UTC). Default: the day of --now.")
    LocalDate until;

    @Option(names = "--by", paramLabel = "GROUP", defaultValue = "team",
            description = "Groups the times and the breaching tickets by: "
                    + "${COMPLETION-CANDIDATES}.")
    SlaHtml.By by;

    @Override
    boolean dependsOnRules() {
        return true;
    }

    @Override
    void files(CommandFiles files) {
        super.files(files);
        files.output("FILE", file);
    }

    @Override
    ExitCode execute() throws IOException {
        Instant now = clock().instant();
        LocalDate last = until != null ? until : LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = since != null ? since : last.minusDays(29);
        if (first.isAfter(last)) {
            throw usage("--since " + first + " is after --until " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw usage("the report covers at most " + MAX_DAYS + " days; " + first + " to "
                    + last + " is more: narrow --since or --until");
        }
        StoreScan scan;
        String where;
        try (Storage data = openForReading()) {
            scan = data.tickets().scan();
            where = data.describe();
        }
        SlaHtml.of(config(), scan.tickets(), now, first, last, by, where).write(file);
        tell("helpdesk-triage: wrote the SLA report of " + scan.tickets().size()
                + " ticket(s) to " + file);
        return reportCorrupt(scan.corrupt());
    }
}
