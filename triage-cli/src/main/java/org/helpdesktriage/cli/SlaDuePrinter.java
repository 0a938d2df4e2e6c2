package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.helpdesktriage.core.job.SlaDue;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.WorkingInterval;

/** Prints an {@link SlaDue} as {@code sla due} shows it: text, or a JSON object. */
final class SlaDuePrinter {

    private static final int MAX_INTERVALS = 500;
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private final SlaDue due;
    private final boolean explain;
    private final PrintWriter out;

    SlaDuePrinter(SlaDue due, boolean explain, PrintWriter out) {
        this.due = due;
        this.explain = explain;
        this.out = out;
    }

    void text() {
        if (due.policy().isEmpty()) {
            out.println("No SLA policy applies to a " + due.priority().id()
                    + " ticket of category '" + due.category() + "'.");
            return;
        }
        SlaPolicy policy = due.policy().get();
        BusinessCalendar cal = policy.calendar();
        Instant created = due.created();
        out.printf("%-20s %s (condition: %s)%n", "policy", policy.id(), policy.condition());
        out.printf("%-20s %s%n", "calendar", cal);
        out.printf("%-20s %s (%s)%n", "created", created, local(created, cal.zone()));
        for (Sla.Target target : Sla.Target.values()) {
            Instant at = due.due(target).orElse(null);
            if (at == null) {
                out.printf("%-20s none within the calendar's reach, %s of working time%n",
                        target.id() + "_due", policy.target(target));
                continue;
            }
            out.printf("%-20s %s (%s), %s of working time%n", target.id() + "_due", at,
                    local(at, cal.zone()), policy.target(target));
            if (explain) {
                List<WorkingInterval> counted = due.counted(target, MAX_INTERVALS + 1);
                for (int i = 0; i < Math.min(counted.size(), MAX_INTERVALS); i++) {
                    WorkingInterval w = counted.get(i);
                    out.printf("    %s to %s  %s%n", local(w.from(), cal.zone()),
                            local(w.to(), cal.zone()), hours(w.length()));
                }
                if (counted.size() > MAX_INTERVALS) {
                    out.printf("    ... and more: the list stops at %d intervals%n",
                            MAX_INTERVALS);
                }
            }
        }
        due.notes().forEach(n -> out.printf("%-20s %s%n", "note", n));
    }

    void json() {
        ObjectNode n = OpsJson.object();
        if (due.policy().isEmpty()) {
            n.putNull("policy");
            n.putNull("calendar");
            n.putNull("first_response_due");
            n.putNull("resolution_due");
            out.println(OpsJson.pretty(n));
            return;
        }
        SlaPolicy policy = due.policy().get();
        BusinessCalendar cal = policy.calendar();
        n.put("policy", policy.id());
        n.put("calendar", cal.id());
        n.put("time_zone", cal.zone().getId());
        n.put("created", due.created().toString());
        for (Sla.Target target : Sla.Target.values()) {
            n.put(target.id() + "_due", due.due(target).map(Instant::toString).orElse(null));
        }
        n.put("first_response", policy.firstResponse().toString());
        n.put("resolution", policy.resolution().toString());
        if (explain) {
            ObjectNode ex = n.putObject("explain");
            for (Sla.Target target : Sla.Target.values()) {
                ArrayNode a = ex.putArray(target.id());
                for (WorkingInterval w : due.counted(target, MAX_INTERVALS)) {
                    ObjectNode i = a.addObject();
                    i.put("from", w.from().toString());
                    i.put("to", w.to().toString());
                    i.put("seconds", w.length().getSeconds());
                }
            }
        }
        if (!due.notes().isEmpty()) {
            ArrayNode a = n.putArray("notes");
            due.notes().forEach(a::add);
        }
        out.println(OpsJson.pretty(n));
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
