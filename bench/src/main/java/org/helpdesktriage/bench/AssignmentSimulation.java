package org.helpdesktriage.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.helpdesktriage.core.assign.Agent;
import org.helpdesktriage.core.assign.AgentLedger;
import org.helpdesktriage.core.assign.Assigner;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.TimeRange;

/**
 * A week of a helpdesk, simulated: tickets arrive on a daily curve, the library's
 * {@link Assigner} gives each to an agent (at arrival, and from the queue every five minutes as
 * the {@code assign} cron job does), agents resolve them after random handle times. Beside it,
 * plain rotation that ignores load. Prints a Markdown table: spread of assignments per agent per
 * shift, capacity violations, off-shift assignments, skill mismatches, median and p95 wait.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.helpdesktriage.bench.AssignmentSimulation \
 *     [--tickets 100000] [--seed 42]
 * </pre>
 *
 * Setting: 50 agents in 5 teams of 10 (5 early 06-14, 3 late 14-22, 2 night 22-06, every day,
 * Europe/Berlin, the week of the 2026 DST change), capacity 10; half speak German, a third know
 * SAP; 20% of the tickets need German, 10% SAP; handle times exponential with a 10-minute mean.
 */
public final class AssignmentSimulation {

    private static final List<String> TEAMS = List.of("tech-team", "billing-team",
            "account-team", "support-team", "product-team");
    private static final Instant START = Instant.parse("2026-03-22T23:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration TICK = Duration.ofMinutes(5);
    private static final int CAPACITY = 10;
    // arrivals per hour of the day, relative: quiet nights, peaks at 10:00 and 14:00
    private static final double[] CURVE = {1, 1, 1, 1, 1, 2, 4, 7, 10, 12, 13, 11, 9, 11, 13,
        11, 9, 7, 5, 4, 3, 2, 1, 1};

    private AssignmentSimulation() {
    }

    /** One ticket of the week. */
    private record Arrival(int id, Instant at, String team, List<String> skills) {
    }

    /** What one policy did over the week; spread[i] is {max, min, std dev} of shift i. */
    private record Figures(String policy, double[][] spread, int violations, int offShift,
            int skillMismatches, long medianWait, long p95Wait, int unassigned) {
    }

    private static final List<String> SHIFTS = List.of("early", "late", "night");

    /** Runs the week under both policies and prints the table. */
    public static void main(String[] args) {
        int tickets = 100_000;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--tickets")) {
                tickets = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[i + 1]);
            }
        }
        List<Agent> agents = roster(new Random(seed));
        SlaSettings sla = calendars();
        List<Arrival> week = arrivals(tickets, new Random(seed + 1));
        Figures[] rows = {
            simulate("round_robin (library)", week, agents, sla, "round_robin", seed),
            simulate("least_loaded (library)", week, agents, sla, "least_loaded", seed),
            simulate("plain rotation, load ignored", week, agents, sla, null, seed)};
        System.out.printf(Locale.ROOT, "%d tickets over a week, %d agents in %d teams on 3"
                + " shifts, capacity %d, seed %d%n%n", tickets, agents.size(), TEAMS.size(),
                CAPACITY, seed);
        System.out.println("| policy | capacity violations | off-shift assignments | skill"
                + " mismatches | median wait | p95 wait | never assigned |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Figures f : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d s | %d s | %d |%n",
                    f.policy(), f.violations(), f.offShift(), f.skillMismatches(),
                    f.medianWait(), f.p95Wait(), f.unassigned());
        }
        System.out.println();
        System.out.println("Assignments per agent per shift (each agent's count in each of the"
                + " week's 7 shifts of its kind):");
        System.out.println();
        System.out.println("| policy | shift | max | min | std dev |");
        System.out.println("|---|---|---|---|---|");
        for (Figures f : rows) {
            for (int i = 0; i < SHIFTS.size(); i++) {
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f |%n", f.policy(),
                        SHIFTS.get(i), f.spread()[i][0], f.spread()[i][1], f.spread()[i][2]);
            }
        }
    }

    private static List<Agent> roster(Random random) {
        List<Agent> agents = new ArrayList<>();
        for (String team : TEAMS) {
            for (int i = 0; i < 10; i++) {
                String shift = i < 5 ? "early" : i < 8 ? "late" : "night";
                Set<String> skills = new HashSet<>();
                if (random.nextDouble() < 0.5) {
                    skills.add("german");
                }
                if (random.nextDouble() < 0.34) {
                    skills.add("sap");
                }
                // every shift of every team has a German speaker and an SAP expert
                if (i == 0 || i == 5 || i == 8) {
                    skills.add("german");
                    skills.add("sap");
                }
                agents.add(new Agent(team.replace("-team", "") + "-" + i, null, null,
                        List.of(team), skills, CAPACITY, shift, true));
            }
        }
        return agents;
    }

    private static SlaSettings calendars() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return new SlaSettings(Map.of(
                "early", BusinessCalendar.builder("early", berlin)
                        .everyDay(TimeRange.parse("06:00-14:00")).build(),
                "late", BusinessCalendar.builder("late", berlin)
                        .everyDay(TimeRange.parse("14:00-22:00")).build(),
                "night", BusinessCalendar.builder("night", berlin)
                        .everyDay(TimeRange.parse("22:00-24:00"), TimeRange.parse("00:00-06:00"))
                        .build()),
                List.of(), Set.of(), SlaSettings.DEFAULT_AT_RISK, List.of());
    }

    private static List<Arrival> arrivals(int count, Random random) {
        double total = Arrays.stream(CURVE).sum();
        List<Arrival> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int day = random.nextInt(7);
            double pick = random.nextDouble() * total;
            int hour = 0;
            while (pick > CURVE[hour]) {
                pick -= CURVE[hour];
                hour++;
            }
            Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour))
                    .plusSeconds(random.nextInt(3600));
            List<String> skills = new ArrayList<>();
            double s = random.nextDouble();
            if (s < 0.20) {
                skills.add("german");
            }
            if (s >= 0.15 && s < 0.25) {
                skills.add("sap");
            }
            out.add(new Arrival(i, at, TEAMS.get(random.nextInt(TEAMS.size())), skills));
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    // events: 0 arrival, 1 resolution, 2 the cron tick; at the same instant resolutions first
    private record Event(Instant at, int kind, int ticket) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Integer.compare(order(kind), order(o.kind));
        }

        private static int order(int kind) {
            return kind == 1 ? 0 : kind == 0 ? 1 : 2;
        }
    }

    private static Figures simulate(String policy, List<Arrival> week, List<Agent> agents,
            SlaSettings sla, String strategy, long seed) {
        Random handle = new Random(seed + 2);
        Map<String, Agent> byId = new HashMap<>();
        agents.forEach(a -> byId.put(a.id(), a));
        Assigner assigner = Assigner.of(new AssignmentSettings(agents, null,
                Map.of(), strategy == null ? "round_robin" : strategy,
                AssignmentSettings.DEFAULT_LOAD_STATUSES), sla);
        PriorityQueue<Event> events = new PriorityQueue<>();
        week.forEach(a -> events.add(new Event(a.at(), 0, a.id())));
        for (Instant t = START; t.isBefore(START.plus(WEEK).plus(Duration.ofDays(1)));
                t = t.plus(TICK)) {
            events.add(new Event(t, 2, -1));
        }
        String[] holder = new String[week.size()];
        Map<String, Integer> load = new HashMap<>();
        Map<String, Integer> perAgentShift = new HashMap<>();
        Map<String, Integer> rotation = new HashMap<>();
        List<Integer> queue = new ArrayList<>();
        long[] waits = new long[week.size()];
        Arrays.fill(waits, -1);
        int[] bad = new int[3];
        Instant last = Instant.MIN;
        Map<Integer, Arrival> byTicket = new HashMap<>();
        week.forEach(a -> byTicket.put(a.id(), a));
        try (AgentLedger.Board board = AgentLedger.inMemory().open(assigner.settings())) {
            while (!events.isEmpty()) {
                Event e = events.poll();
                if (e.kind() == 1) {
                    String agent = holder[e.ticket()];
                    load.merge(agent, -1, Integer::sum);
                    board.released(agent, "T-" + e.ticket());
                    continue;
                }
                List<Integer> tryNow = e.kind() == 0 ? List.of(e.ticket()) : List.copyOf(queue);
                for (int id : tryNow) {
                    Arrival a = byTicket.get(id);
                    String agent = strategy == null ? rotate(a, agents, sla, e.at(), rotation)
                            : choose(assigner, a, e.at(), board);
                    if (agent == null) {
                        if (e.kind() == 0) {
                            queue.add(id);
                        }
                        continue;
                    }
                    queue.remove((Integer) id);
                    Agent who = byId.get(agent);
                    int before = load.getOrDefault(agent, 0);
                    bad[0] += before >= who.capacity() ? 1 : 0;
                    bad[1] += onShift(who, sla, e.at()) ? 0 : 1;
                    bad[2] += who.missing(a.skills()).isEmpty() ? 0 : 1;
                    load.merge(agent, 1, Integer::sum);
                    board.took(agent, "T-" + id);
                    // assignments sharing an instant still rotate, as the storing step does
                    last = e.at().isAfter(last) ? e.at() : last.plusNanos(1);
                    board.assigned(agent, last);
                    holder[id] = agent;
                    waits[id] = Duration.between(a.at(), e.at()).toSeconds();
                    perAgentShift.merge(agent + "@" + shiftKey(who, e.at()), 1, Integer::sum);
                    long minutes = Math.max(1, Math.round(-10 * Math.log(1 - handle.nextDouble())));
                    events.add(new Event(e.at().plus(Duration.ofMinutes(minutes)), 1, id));
                }
            }
        }
        return figures(policy, agents, perAgentShift, waits, bad);
    }

    private static String choose(Assigner assigner, Arrival a, Instant now,
            AgentLedger.Board board) {
        Ticket t = Ticket.builder().ticketId("T-" + a.id()).title("t").description("d")
                .requesterEmail("r@example.com").category("general").priority(Priority.MEDIUM)
                .status(Status.TRIAGED).createdAt(a.at()).assignedTo(a.team()).build();
        Assignment result = assigner.assign(t, a.skills(), now, board);
        return result.reason().equals(Assignment.ASSIGNED) ? result.assignee() : null;
    }

    // the next agent of the team on shift with the skills, whatever they hold
    private static String rotate(Arrival a, List<Agent> agents, SlaSettings sla, Instant now,
            Map<String, Integer> rotation) {
        List<Agent> team = agents.stream().filter(x -> x.worksFor(a.team())).toList();
        int start = rotation.getOrDefault(a.team(), 0);
        for (int k = 0; k < team.size(); k++) {
            Agent x = team.get((start + k) % team.size());
            if (onShift(x, sla, now) && x.missing(a.skills()).isEmpty()) {
                rotation.put(a.team(), (start + k + 1) % team.size());
                return x.id();
            }
        }
        return null;
    }

    private static boolean onShift(Agent a, SlaSettings sla, Instant at) {
        return sla.calendar(a.calendar()).orElseThrow().isWorkingTime(at);
    }

    // the shift instance an assignment falls in: the shift's name and the day it started
    private static String shiftKey(Agent a, Instant at) {
        java.time.ZonedDateTime local = at.atZone(ZoneId.of("Europe/Berlin"));
        if (a.calendar().equals("night") && local.getHour() < 6) {
            local = local.minusDays(1);
        }
        return a.calendar() + "/" + local.toLocalDate();
    }

    private static Figures figures(String policy, List<Agent> agents,
            Map<String, Integer> perAgentShift, long[] waits, int[] bad) {
        java.time.LocalDate monday = START.atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
        double[][] spread = new double[SHIFTS.size()][];
        for (int i = 0; i < SHIFTS.size(); i++) {
            String shift = SHIFTS.get(i);
            List<Integer> counts = new ArrayList<>();
            for (Agent a : agents) {
                if (!a.calendar().equals(shift)) {
                    continue;
                }
                // the shifts that start inside the week
                for (int day = 0; day < 7; day++) {
                    counts.add(perAgentShift.getOrDefault(a.id() + "@" + shift + "/"
                            + monday.plusDays(day), 0));
                }
            }
            double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
            double var = counts.stream().mapToDouble(c -> (c - mean) * (c - mean)).average()
                    .orElse(0);
            spread[i] = new double[] {counts.stream().mapToInt(Integer::intValue).max().orElse(0),
                counts.stream().mapToInt(Integer::intValue).min().orElse(0), Math.sqrt(var)};
        }
        long[] assigned = Arrays.stream(waits).filter(w -> w >= 0).sorted().toArray();
        int unassigned = (int) Arrays.stream(waits).filter(w -> w < 0).count();
        return new Figures(policy, spread, bad[0], bad[1], bad[2], percentile(assigned, 0.5),
                percentile(assigned, 0.95), unassigned);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
                Math.floor(p * sorted.length))];
    }
}
