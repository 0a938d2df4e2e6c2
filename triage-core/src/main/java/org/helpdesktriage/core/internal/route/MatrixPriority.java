package org.helpdesktriage.core.internal.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.internal.ingest.fields.FieldNames;
import org.helpdesktriage.core.internal.rules.RuleMatch;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.PriorityMatrix;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.RuleDefinition;

/**
 * Applies a {@link PriorityMatrix} to a routed ticket: which priority wins, and why.
 *
 * <ul>
 *   <li>A deciding rule whose actions name a {@code priority} outranks the matrix: the
 *       priority is the router's, as without a matrix.</li>
 *   <li>Otherwise, when the ticket's impact and urgency are both known, the matrix's cell is
 *       the priority, even below the ticket's stated one and the rules' own levels: the matrix
 *       is the definition of priority.</li>
 *   <li>Otherwise the router's priority stands.</li>
 * </ul>
 *
 * <p>Impact and urgency come from the first deciding rule that sets them ({@code set_impact},
 * {@code set_urgency}), else from the ticket's {@code impact} and {@code urgency} fields (kept in
 * its metadata; keys are normalised as every input key is, so {@code Impact} is read too).
 * A ticket value that names no level is ignored, with a note. Immutable and thread-safe.
 */
public final class MatrixPriority {

    private final PriorityMatrix matrix;
    private final Map<String, RuleDefinition.Actions> actions = new HashMap<>();

    /** Creates the step for a matrix and the configured rules (for their actions). */
    public MatrixPriority(PriorityMatrix matrix, List<RuleDefinition> rules) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        for (RuleDefinition r : rules) {
            actions.put(r.id().trim(), r.actions());
        }
    }

    /**
     * A routing after the matrix, and what it adds to the result's notes.
     *
     * @param routing the routing, its priority the one that won
     * @param notes ticket values that name no level; with an explanation asked for, also what
     *     decided the priority
     */
    public record Applied(Routing routing, List<String> notes) {

        /** Copies the notes. */
        public Applied {
            Objects.requireNonNull(routing, "routing");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Returns the routing with the priority that wins.
     *
     * @param deciding the rule matches that decided the route ({@link Router#deciding})
     * @param explain whether to say in a note what decided the priority
     */
    public Applied apply(Ticket ticket, Routing routing, List<RuleMatch> deciding,
            boolean explain) {
        List<String> notes = new ArrayList<>(2);
        Level impact = level(ticket, deciding, "impact", notes);
        Level urgency = level(ticket, deciding, "urgency", notes);
        for (RuleMatch m : deciding) {
            RuleDefinition.Actions a = actions.get(m.ruleId());
            if (a != null && a.priority() != null) {
                if (explain) {
                    String outranked = impact == null || urgency == null ? ""
                            : "'s '" + matrix.priority(impact.value(), urgency.value())
                                    .orElseThrow().id() + "' (" + impact + ", " + urgency + ")";
                    notes.add("priority '" + routing.priority().id() + "' from rule '"
                            + m.ruleId() + "' (actions.priority), which outranks the "
                            + "priority_matrix" + outranked);
                }
                return new Applied(routing, notes);
            }
        }
        if (impact == null || urgency == null) {
            if (explain) {
                notes.add("priority '" + routing.priority().id() + "' not from the "
                        + "priority_matrix nor a rule's actions.priority: " + missing(impact,
                                urgency));
            }
            return new Applied(routing, notes);
        }
        Routing decided = new Routing(routing.assignedTo(),
                matrix.priority(impact.value(), urgency.value()).orElseThrow(),
                routing.category(), routing.ruleMatched(), routing.confidence(),
                routing.rulesMatched(), routing.decidedBy(), routing.prediction());
        if (explain) {
            notes.add("priority '" + decided.priority().id() + "' from the priority_matrix: "
                    + impact + ", " + urgency);
        }
        return new Applied(decided, notes);
    }

    // a rule's action first (it is a configured level), then the ticket's own field
    private Level level(Ticket ticket, List<RuleMatch> deciding, String axis,
            List<String> notes) {
        for (RuleMatch m : deciding) {
            RuleDefinition.Actions a = actions.get(m.ruleId());
            String set = a == null ? null : axis.equals("impact") ? a.setImpact() : a.setUrgency();
            if (set != null) {
                return new Level(axis, levelOf(axis, set).orElseThrow(),
                        "rule '" + m.ruleId() + "' set_" + axis);
            }
        }
        Object raw = field(ticket, axis);
        if (raw == null) {
            return null;
        }
        Optional<String> level = raw instanceof String || raw instanceof Number
                ? levelOf(axis, raw.toString()) : Optional.empty();
        if (level.isEmpty()) {
            notes.add(axis + " '" + raw + "' is not a level of the priority_matrix "
                    + (axis.equals("impact") ? matrix.impact() : matrix.urgency())
                    + "; ignored");
            return null;
        }
        return new Level(axis, level.get(), "field " + axis);
    }

    private Optional<String> levelOf(String axis, String value) {
        return axis.equals("impact") ? matrix.impactLevel(value) : matrix.urgencyLevel(value);
    }

    // the normaliser keeps unknown input fields in metadata under their normalised key; a
    // nested metadata object keeps its keys as written, so those are normalised here
    private static Object field(Ticket ticket, String name) {
        Map<String, Object> metadata = ticket.metadata();
        Object value = metadata.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            if (e.getValue() != null && FieldNames.normalize(e.getKey()).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String missing(Level impact, Level urgency) {
        if (impact == null && urgency == null) {
            return "no impact and no urgency known";
        }
        return impact == null ? "no impact known (" + urgency + ")"
                : "no urgency known (" + impact + ")";
    }

    /** A level of one axis and where it came from ("field impact", "rule 'x' set_impact"). */
    private record Level(String axis, String value, String source) {

        @Override
        public String toString() {
            return axis + " '" + value + "' from " + source;
        }
    }
}
