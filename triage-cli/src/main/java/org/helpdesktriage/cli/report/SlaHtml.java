package org.helpdesktriage.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.helpdesktriage.cli.report.Charts.Series;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.job.SlaOverview;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaCalculator;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.SlaStatus.SlaState;

/**
 * The report of {@code sla report}: breaches and at-risk tickets per day, first-response and
 * resolution times against their targets, and the tickets breaching now. Every state is the
 * library's ({@link SlaOverview}, as {@code sla status} lists it), measured at the end of each
 * day (UTC) or at --now, whichever comes first.
 */
public final class SlaHtml {

    /** How the times and the breaching tickets are grouped. */
    public enum By { team, policy, priority }

    static final int MAX_ROWS = 1_000;
    private static final double[] PERCENTILES = {0.5, 0.9, 0.95};

    private SlaHtml() {
    }

    /**
     * Returns the report of {@code tickets} from {@code since} to {@code until} (days, UTC),
     * measured no later than {@code now}.
     */
    public static HtmlReport of(TriageConfig config, List<Ticket> tickets, Instant now,
            LocalDate since, LocalDate until, By by, String where) {
        Instant end = min(now, until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        SlaOverview atEnd = SlaOverview.of(config, tickets, end);
        HtmlReport page = new HtmlReport("SLA report", where + ", " + since + " to " + until
                + " (UTC), by " + by + "; states at " + end);
        page.fact("tickets with an SLA", atEnd.entries().size());
        for (SlaState s : List.of(SlaState.BREACHED, SlaState.AT_RISK, SlaState.MET,
                SlaState.MISSED)) {
            page.fact(s.id().replace('_', ' '), atEnd.counts().getOrDefault(s, 0));
        }
        String none = atEnd.entries().isEmpty() ? "No stored ticket has an SLA at " + end
                + (tickets.isEmpty() ? ": the store holds no tickets." : ": no SLA policy "
                        + "applies to the " + tickets.size() + " stored ticket(s).") : null;
        page.section(perDay(config, tickets, since, until, now, none));
        page.section(times(config, atEnd, since, end, by, none));
        page.section(breaching(atEnd, end, by, none));
        return page;
    }

    private static Section perDay(TriageConfig config, List<Ticket> tickets, LocalDate since,
            LocalDate until, Instant now, String none) {
        Section s = new Section("per-day", "Breached and at risk, per day", "How many tickets "
                + "were breached or at risk at the end of each day (or now, for today).");
        if (none != null) {
            return s.message(none);
        }
        List<String> days = new ArrayList<>();
        List<Double> breached = new ArrayList<>();
        List<Double> atRisk = new ArrayList<>();
        DataTable table = new DataTable("per-day", "Per day", "day", "breached", "at risk");
        for (LocalDate d = since; !d.isAfter(until); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!start.isBefore(now)) {
                break;
            }
            Map<SlaState, Integer> c = SlaOverview.of(config, tickets,
                    min(now, d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())).counts();
            days.add(d.toString());
            breached.add((double) c.getOrDefault(SlaState.BREACHED, 0));
            atRisk.add((double) c.getOrDefault(SlaState.AT_RISK, 0));
            table.row(d.toString(), c.getOrDefault(SlaState.BREACHED, 0),
                    c.getOrDefault(SlaState.AT_RISK, 0));
        }
        if (days.isEmpty()) {
            return s.message("The range starts after --now: no day to show.");
        }
        double max = Math.max(1, Math.max(breached.stream().mapToDouble(x -> x).max()
                .orElse(0), atRisk.stream().mapToDouble(x -> x).max().orElse(0)));
        return s.figure(Charts.columns("Breached and at-risk tickets per day", days,
                List.of(new Series("breached", "s2", breached, SlaHtml::count),
                    new Series("at risk", "s1", atRisk, SlaHtml::count)), max), table);
    }

    private static Section times(TriageConfig config, SlaOverview atEnd, LocalDate since,
            Instant end, By by, String none) {
        Section s = new Section("times", "First response and resolution against their targets",
                "Working time (by each policy's calendar, pauses left out) from creation to "
                        + "first_response_at and to resolved_at, for the tickets created in the "
                        + "range: percentiles in hours and as a share of each ticket's target.");
        if (none != null) {
            return s.message(none);
        }
        Instant from = since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<double[]>> measured = new TreeMap<>();
        for (SlaOverview.Entry e : atEnd.entries()) {
            Ticket t = e.ticket();
            if (t.createdAt().isBefore(from) || !t.createdAt().isBefore(end)) {
                continue;
            }
            SlaPolicy policy = config.sla().policy(e.status().sla().policy()).orElse(null);
            for (Sla.Target target : Sla.Target.values()) {
                Instant reached = SlaCalculator.reached(t, target).orElse(null);
                if (policy == null || reached == null) {
                    continue;
                }
                Duration worked = policy.calendar().workingTimeBetween(t.createdAt(), reached);
                if (target == Sla.Target.RESOLUTION) {
                    worked = worked.minus(SlaCalculator.read(t).map(Sla.Stored::paused)
                            .orElse(Duration.ZERO));
                }
                SlaState state = target == Sla.Target.FIRST_RESPONSE
                        ? e.status().firstResponse() : e.status().resolution();
                measured.computeIfAbsent(group(e, by) + " \u2013 " + target.id(),
                        k -> new ArrayList<>()).add(new double[] {hours(worked),
                            (double) worked.toSeconds() / policy.target(target).toSeconds(),
                            state == SlaState.MET ? 1 : 0});
            }
        }
        if (measured.isEmpty()) {
            return s.message("No ticket created in the range says when it was answered or "
                    + "resolved (first_response_at, resolved_at), so there are no times to show.");
        }
        DataTable table = new DataTable("times", "Times by " + by + " and target", by.name()
                + " \u2013 target", "n", "p50 h", "p90 h", "p95 h", "p50 of target",
                "p90 of target", "p95 of target", "met");
        List<List<Double>> shares = List.of(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        double max = 1.0;
        for (Map.Entry<String, List<double[]>> g : measured.entrySet()) {
            List<double[]> v = g.getValue();
            double[] h = v.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] r = v.stream().mapToDouble(x -> x[1]).sorted().toArray();
            double met = v.stream().mapToDouble(x -> x[2]).sum() / v.size();
            table.row(g.getKey(), v.size(), hours(pct(h, 0)), hours(pct(h, 1)),
                    hours(pct(h, 2)), share(pct(r, 0)), share(pct(r, 1)), share(pct(r, 2)),
                    share(met));
            for (int i = 0; i < PERCENTILES.length; i++) {
                shares.get(i).add(pct(r, i));
                max = Math.max(max, pct(r, i));
            }
        }
        Chart chart = Charts.bars("Percentiles of the time taken, as a share of the target",
                new ArrayList<>(measured.keySet()), List.of(
                    new Series("p50", "s1", shares.get(0), Charts::pct),
                    new Series("p90", "s2", shares.get(1), Charts::pct),
                    new Series("p95", "s3", shares.get(2), Charts::pct)), max * 1.05, 1.0,
                "target");
        return s.figure(chart, table);
    }

    private static Section breaching(SlaOverview atEnd, Instant end, By by, String none) {
        Section s = new Section("breaching", "Breaching now", "The tickets whose SLA is "
                + "breached at " + end + ", the longest overdue first, by " + by + ".");
        if (none != null) {
            return s.message(none);
        }
        List<SlaOverview.Entry> breached = atEnd.entries().stream()
                .filter(e -> e.state() == SlaState.BREACHED).toList();
        if (breached.isEmpty()) {
            return s.message("No ticket is breaching its SLA at " + end + ".");
        }
        Map<String, Integer> perGroup = new TreeMap<>();
        breached.forEach(e -> perGroup.merge(group(e, by), 1, Integer::sum));
        DataTable groups = new DataTable("breaching-by", "Breaching by " + by, by.name(),
                "tickets");
        perGroup.forEach(groups::row);
        Chart chart = Charts.bars("Tickets breaching now, by " + by,
                new ArrayList<>(perGroup.keySet()), List.of(new Series("breaching", "s2",
                        perGroup.values().stream().map(Integer::doubleValue).toList(),
                        SlaHtml::count)), perGroup.values().stream().mapToInt(i -> i).max()
                        .orElse(1), null, null);
        DataTable list = new DataTable("breaching", "Tickets breaching now", "ticket", "title",
                by.name(), "policy", "priority", "first response", "resolution", "due",
                "overdue h");
        breached.stream().limit(MAX_ROWS).forEach(e -> list.row(e.ticket().ticketId(),
                e.ticket().title(), group(e, by), e.status().sla().policy(),
                e.ticket().priority().id(), e.status().firstResponse().id(),
                e.status().resolution().id(), e.nextDue(), e.nextDue() == null ? null
                        : hours(hours(Duration.between(e.nextDue(), end)))));
        if (breached.size() > MAX_ROWS) {
            list.note("The first " + MAX_ROWS + " of " + breached.size() + " tickets; "
                    + "'helpdesk-triage sla status --breached' lists them all.");
        }
        return s.figure(chart, groups).figure(null, list);
    }

    private static String group(SlaOverview.Entry e, By by) {
        return switch (by) {
            case team -> e.ticket().assignedTo() == null ? "(unassigned)"
                    : e.ticket().assignedTo();
            case policy -> e.status().sla().policy();
            case priority -> e.ticket().priority().id();
        };
    }

    // nearest rank
    private static double pct(double[] sorted, int which) {
        int i = (int) Math.ceil(PERCENTILES[which] * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double hours(Duration d) {
        return Math.round(d.toSeconds() / 36.0) / 100.0;
    }

    private static DataTable.Shown hours(double h) {
        return new DataTable.Shown(String.format(java.util.Locale.ROOT, "%.2f", h), h);
    }

    private static DataTable.Shown share(double v) {
        return new DataTable.Shown(Charts.pct(v), v);
    }

    private static String count(double v) {
        return String.valueOf((long) v);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
