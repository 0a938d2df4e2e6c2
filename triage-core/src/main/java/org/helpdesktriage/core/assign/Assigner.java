package org.helpdesktriage.core.assign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * Decides who takes a ticket: filters the ticket's team down to the agents available at the
 * triage time (active, holding every required skill, on shift by their calendar, below
 * capacity), then asks the team's {@link AssignmentStrategy}. An assignee the ticket already
 * has is never overwritten. Immutable and thread-safe; the state it reads is on the
 * {@link AgentLedger.Board} it is given.
 *
 * <pre>{@code
 * Assigner assigner = Assigner.of(config.assignment(), config.sla());
 * try (AgentLedger.Board board = ledger.open(config.assignment())) {
 *     Assignment a = assigner.assign(ticket, List.of("sap"), clock.instant(), board);
 * }
 * }</pre>
 */
public final class Assigner {

    private final AssignmentSettings settings;
    private final SlaSettings sla;
    private final Map<String, AssignmentStrategy> custom;
    // each team's agents in id order, and each agent's shift calendar, found once
    private final Map<String, List<Agent>> members;
    private final Map<String, BusinessCalendar> shifts;

    private Assigner(AssignmentSettings settings, SlaSettings sla,
            Map<String, AssignmentStrategy> custom) {
        this.settings = settings;
        this.sla = sla;
        this.custom = Map.copyOf(custom);
        Map<String, List<Agent>> teams = new HashMap<>();
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        for (Agent a : settings.agents()) {
            a.teams().forEach(t -> teams.computeIfAbsent(t, k -> new ArrayList<>()).add(a));
            if (a.calendar() != null) {
                // a calendar the configuration lacks was refused when it was loaded; in code,
                // an agent whose calendar is missing is never on shift
                calendars.put(a.id(), sla.calendar(a.calendar()).orElse(null));
            }
        }
        teams.replaceAll((t, list) -> list.stream().sorted(Comparator.comparing(Agent::id))
                .toList());
        this.members = Map.copyOf(teams);
        this.shifts = calendars;
    }

    /**
     * Returns the assigner of a configuration's roster and strategies.
     *
     * @param settings the roster and strategies
     * @param sla the SLA settings, whose calendars are the agents' shifts
     */
    public static Assigner of(AssignmentSettings settings, SlaSettings sla) {
        return new Assigner(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(sla, "sla"), Map.of());
    }

    /** Returns an assigner that gives {@code team}'s tickets out by {@code strategy} instead. */
    public Assigner withStrategy(String team, AssignmentStrategy strategy) {
        Map<String, AssignmentStrategy> more = new HashMap<>(custom);
        more.put(Objects.requireNonNull(team, "team"), Objects.requireNonNull(strategy,
                "strategy"));
        return new Assigner(settings, sla, more);
    }

    /** Returns the roster and strategies. */
    public AssignmentSettings settings() {
        return settings;
    }

    /** Returns the name of the strategy of {@code team}: its configured one, or custom. */
    public String strategyName(String team) {
        return custom.containsKey(team) ? "custom" : settings.strategyOf(team);
    }

    /**
     * Decides who takes {@code ticket}. The board is read, not changed: the caller records the
     * assignment once the ticket is to be saved.
     *
     * @param ticket the triaged ticket; its team is {@link Ticket#assignedTo()}
     * @param requiredSkills the skills the matched rules require
     * @param now the triage time, against which shifts are read
     * @param board the agents' loads and last assignments
     * @return the assignment, with every agent of the team considered
     */
    public Assignment assign(Ticket ticket, List<String> requiredSkills, Instant now,
            AgentLedger.Board board) {
        return assign(ticket, requiredSkills, now, board, true);
    }

    /**
     * Decides who takes {@code ticket}, as {@link #assign(Ticket, List, Instant,
     * AgentLedger.Board)} does; without {@code considered}, the assignment lists nobody
     * considered, which saves the work on every ticket of a run without {@code --explain}.
     */
    public Assignment assign(Ticket ticket, List<String> requiredSkills, Instant now,
            AgentLedger.Board board, boolean considered) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requiredSkills, "requiredSkills");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(board, "board");
        String team = ticket.assignedTo();
        String strategyName = team == null ? settings.defaultStrategy() : strategyName(team);
        String kept = AgentLedger.assigneeOf(ticket);
        if (kept != null) {
            return new Assignment(kept, strategyName, Assignment.KEPT, List.of());
        }
        if (ticket.status() == Status.RESOLVED || ticket.status() == Status.CLOSED) {
            return new Assignment(null, strategyName, Assignment.CLOSED, List.of());
        }
        AssignmentStrategy strategy = team == null ? null : custom.get(team);
        if (strategy == null) {
            if (strategyName.equals("none")) {
                return new Assignment(null, strategyName, Assignment.QUEUE, List.of());
            }
            strategy = AssignmentStrategy.named(strategyName);
        }
        List<Agent> members = team == null ? List.of() : this.members.getOrDefault(team,
                List.of());
        if (members.isEmpty()) {
            return new Assignment(null, strategyName, "no agent in team " + team, List.of());
        }
        List<AssignmentStrategy.Candidate> available = new ArrayList<>(members.size());
        Map<String, String> passedOver = considered ? new HashMap<>() : null;
        // how far down the filters the furthest agent got, for the reason nobody was available
        int furthest = 0;
        for (Agent a : members) {
            int load = board.load(a.id());
            String why;
            int stage;
            List<String> missing = requiredSkills.isEmpty() ? List.of()
                    : a.missing(requiredSkills);
            if (!a.active()) {
                why = "inactive";
                stage = 0;
            } else if (!missing.isEmpty()) {
                why = (missing.size() == 1 ? "missing skill " : "missing skills ")
                        + String.join(", ", missing);
                stage = 1;
            } else if (!onShift(a, now)) {
                why = "off shift";
                stage = 2;
            } else if (load >= a.capacity()) {
                why = "at capacity " + load + "/" + a.capacity();
                stage = 3;
            } else {
                why = null;
                stage = 4;
                available.add(new AssignmentStrategy.Candidate(a, load,
                        board.lastAssigned(a.id())));
            }
            furthest = Math.max(furthest, stage);
            if (why != null && considered) {
                passedOver.put(a.id(), why);
            }
        }
        if (available.isEmpty()) {
            String reason = switch (furthest) {
                case 0 -> "no active agent";
                case 1 -> "no agent with skills " + String.join(", ", requiredSkills);
                case 2 -> "no agent on shift";
                default -> "all at capacity";
            };
            return new Assignment(null, strategyName, reason, considered(members, passedOver));
        }
        Optional<AssignmentStrategy.Candidate> chosen = strategy.choose(ticket,
                java.util.Collections.unmodifiableList(available));
        if (chosen.isEmpty()) {
            if (considered) {
                available.forEach(c -> passedOver.put(c.agent().id(), "not chosen"));
            }
            return new Assignment(null, strategyName, "strategy chose nobody",
                    considered(members, passedOver));
        }
        String agent = chosen.get().agent().id();
        if (!isAvailable(available, agent)) {
            throw new IllegalStateException("strategy " + strategyName + " of team " + team
                    + " chose agent '" + agent + "', who is not available");
        }
        if (considered) {
            available.forEach(c -> {
                if (!c.agent().id().equals(agent)) {
                    passedOver.put(c.agent().id(), "not chosen");
                }
            });
        }
        return new Assignment(agent, strategyName, Assignment.ASSIGNED,
                considered(members, passedOver));
    }

    /**
     * Returns the time to record for an assignment to {@code team} at {@code now}: {@code now},
     * or a nanosecond after the team's latest assignment when that is not earlier, so that round
     * robin still moves on when assignments share an instant (a fixed {@code --now}).
     */
    public Instant rotationTime(String team, Instant now, AgentLedger.Board board) {
        Instant at = now;
        for (Agent a : team == null ? List.<Agent>of() : members.getOrDefault(team, List.of())) {
            Instant last = board.lastAssigned(a.id());
            if (last != null && !last.isBefore(at)) {
                at = last.plusNanos(1);
            }
        }
        return at;
    }

    private static boolean isAvailable(List<AssignmentStrategy.Candidate> available,
            String agent) {
        for (AssignmentStrategy.Candidate c : available) {
            if (c.agent().id().equals(agent)) {
                return true;
            }
        }
        return false;
    }

    private boolean onShift(Agent a, Instant now) {
        if (!shifts.containsKey(a.id())) {
            return true;
        }
        BusinessCalendar shift = shifts.get(a.id());
        return shift != null && shift.isWorkingTime(now);
    }

    private static List<Assignment.Considered> considered(List<Agent> members,
            Map<String, String> passedOver) {
        if (passedOver == null) {
            return List.of();
        }
        return members.stream()
                .map(a -> new Assignment.Considered(a.id(), passedOver.get(a.id()))).toList();
    }
}
