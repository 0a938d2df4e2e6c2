package org.helpdesktriage.cli;

import java.time.Instant;
import org.helpdesktriage.core.job.SlaDue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the SLA policy, calendar and due times of a ticket described on the command line. */
@Command(name = "due", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Prints the SLA policy, calendar and both due times of a ticket with the "
                + "given priority and category, created at --created.",
            "The policies are evaluated as for a routed ticket with those values and no text; "
                + "rules are not run, so a rule's sla action does not apply here."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the due times were printed", "1:an unexpected error",
            "2:the command line is wrong (also: --created outside the supported years)",
            "3:the configuration is invalid or has no SLA policies"})
final class SlaDueCommand extends AbstractCommand {

    @Option(names = "--priority", paramLabel = "P", required = true,
            description = "The ticket's priority: critical, high, medium or low.")
    String priority;

    @Option(names = "--created", paramLabel = "TIME", required = true,
            converter = NowOption.TimeConverter.class,
            description = "When the ticket was created: an ISO-8601 instant "
                    + "(2026-11-20T16:30:00Z), a date-time with an offset, or a date-time or "
                    + "date taken as UTC.")
    Instant created;

    @Option(names = "--category", paramLabel = "C",
            description = "The ticket's category. Default: default_category of the "
                    + "configuration.")
    String category;

    @Option(names = "--json", description = "Prints a JSON object instead of text.")
    boolean json;

    @Option(names = "--explain",
            description = "Lists the working intervals each due time counts, in the calendar's "
                    + "time zone.")
    boolean explain;

    @Override
    ExitCode execute() {
        SlaDue due;
        try {
            due = SlaDue.of(config(), priority, category, created, clock().instant());
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        SlaDuePrinter printer = new SlaDuePrinter(due, explain, out());
        if (json) {
            printer.json();
        } else {
            printer.text();
        }
        return ExitCode.OK;
    }
}
