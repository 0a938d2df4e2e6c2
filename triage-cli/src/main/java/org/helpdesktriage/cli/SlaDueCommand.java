package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.rules.Facts;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.DueTime;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.SlaTarget;
import org.helpdesktriage.core.sla.WorkingInterval;
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

    private static final int MAX_INTERVALS = 500;
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

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
        TriageConfig config = config();
        if (!config.sla().enabled()) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, "SLAs are off: the "
                    + "configuration has no sla.policies (docs/sla.md)");
        }
        Priority p = Priority.parse(priority).or(() -> Optional.ofNullable(
                config.prioritySynonyms().get(priority.trim().toLowerCase(Locale.ROOT))))
                .orElseThrow(() -> usage("--priority '" + priority + "' is not critical, high,"
                        + " medium or low"));
        String c = category == null ? config.categories().fallback()
                : category.trim().toLowerCase(Locale.ROOT);
        c = config.categorySynonyms().getOrDefault(c, c);
        if (!config.categories().contains(c)) {
            throw usage("--category '" + category + "' is not a configured category ("
                    + String.join(", ", config.categories().names()) + ")");
        }
        Ticket ticket = Ticket.builder().ticketId("SLA-DUE").title("").description("")
                .requesterEmail("").category(c).priority(p).status(Status.TRIAGED)
                .createdAt(created).build();
        SlaCalculator calculator = new SlaCalculator(config.sla());
        Optional<SlaPolicy> policy = calculator.choose(Facts.of(ticket, clock().instant()));
        if (policy.isEmpty()) {
            if (json) {
                ObjectNode n = OpsJson.object();
                n.putNull("policy");
                n.putNull("calendar");
                n.putNull("first_response_due");
                n.putNull("resolution_due");
                out().println(OpsJson.pretty(n));
            } else {
                out().println("No SLA policy applies to a " + p.id() + " ticket of category '"
                        + c + "'.");
            }
            return ExitCode.OK;
        }
        SlaPolicy pol = policy.get();
        Instant firstDue = due(pol, SlaTarget.FIRST_RESPONSE);
        Instant resolutionDue = due(pol, SlaTarget.RESOLUTION);
        if (json) {
            printJson(pol, firstDue, resolutionDue);
        } else {
            printText(pol, firstDue, resolutionDue);
        }
        return ExitCode.OK;
    }

    // a due time beyond the calendar's reach (past 9999, or a calendar with no working day
    // left) is left out with a note, as docs/sla.md says; only --created itself can be wrong
    private Instant due(SlaPolicy policy, SlaTarget target) {
        if (created.isBefore(BusinessCalendar.EARLIEST)
                || created.isAfter(BusinessCalendar.LATEST)) {
            throw usage("--created " + created + " is outside the supported years 0001 to 9999");
        }
        DueTime due = policy.due(target, created);
        if (due instanceof DueTime.Rejected r) {
            notes.add(target.id() + "_due left out: " + r.reason());
            return null;
        }
        return due.instant().orElseThrow();
    }

    private final List<String> notes = new java.util.ArrayList<>();

    private void printText(SlaPolicy policy, Instant firstDue, Instant resolutionDue) {
        BusinessCalendar cal = policy.calendar();
        out().printf("%-20s %s (condition: %s)%n", "policy", policy.id(), policy.condition());
        out().printf("%-20s %s%n", "calendar", cal);
        out().printf("%-20s %s (%s)%n", "created", created, local(created, cal.zone()));
        for (SlaTarget target : SlaTarget.values()) {
            Instant due = target == SlaTarget.FIRST_RESPONSE ? firstDue : resolutionDue;
            if (due == null) {
                out().printf("%-20s none within the calendar's reach, %s of working time%n",
                        target.id() + "_due", policy.target(target));
                continue;
            }
            out().printf("%-20s %s (%s), %s of working time%n", target.id() + "_due", due,
                    local(due, cal.zone()), policy.target(target));
            if (explain) {
                List<WorkingInterval> counted = cal.workingIntervals(created, due,
                        MAX_INTERVALS + 1);
                for (int i = 0; i < Math.min(counted.size(), MAX_INTERVALS); i++) {
                    WorkingInterval w = counted.get(i);
                    out().printf("    %s to %s  %s%n", local(w.from(), cal.zone()),
                            local(w.to(), cal.zone()), hours(w.length()));
                }
                if (counted.size() > MAX_INTERVALS) {
                    out().printf("    ... and more: the list stops at %d intervals%n",
                            MAX_INTERVALS);
                }
            }
        }
        notes.forEach(n -> out().printf("%-20s %s%n", "note", n));
    }

    private void printJson(SlaPolicy policy, Instant firstDue, Instant resolutionDue) {
        BusinessCalendar cal = policy.calendar();
        ObjectNode n = OpsJson.object();
        n.put("policy", policy.id());
        n.put("calendar", cal.id());
        n.put("time_zone", cal.zone().getId());
        n.put("created", created.toString());
        n.put("first_response_due", firstDue == null ? null : firstDue.toString());
        n.put("resolution_due", resolutionDue == null ? null : resolutionDue.toString());
        n.put("first_response", policy.firstResponse().toString());
        n.put("resolution", policy.resolution().toString());
        if (explain) {
            ObjectNode ex = n.putObject("explain");
            for (SlaTarget target : SlaTarget.values()) {
                Instant due = target == SlaTarget.FIRST_RESPONSE ? firstDue : resolutionDue;
                ArrayNode a = ex.putArray(target.id());
                if (due == null) {
                    continue;
                }
                for (WorkingInterval w : cal.workingIntervals(created, due, MAX_INTERVALS)) {
                    ObjectNode i = a.addObject();
                    i.put("from", w.from().toString());
                    i.put("to", w.to().toString());
                    i.put("seconds", w.length().getSeconds());
                }
            }
        }
        if (!notes.isEmpty()) {
            ArrayNode a = n.putArray("notes");
            notes.forEach(a::add);
        }
        out().println(OpsJson.pretty(n));
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone)) + " " + zone.getId();
    }

    private static String hours(Duration d) {
        long m = d.toMinutes();
        return m % 60 == 0 ? (m / 60) + " h" : m >= 60 ? (m / 60) + " h " + (m % 60) + " min"
                : m + " min";
    }
}
