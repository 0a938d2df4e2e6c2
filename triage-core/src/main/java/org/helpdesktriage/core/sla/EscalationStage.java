package org.helpdesktriage.core.sla;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;

/**
 * One step of SLA escalation: once {@code at} of a ticket's target has elapsed in its policy's
 * calendar time (0.75 at risk, 1.0 breached, 1.5 a level further), the actions apply, once per
 * ticket.
 *
 * @param id unique id, recorded on the ticket and in the audit entry
 * @param target which clock the stage watches
 * @param at the fraction of the target that must have elapsed, 0 or more
 * @param actions what the stage does
 */
public record EscalationStage(String id, SlaTarget target, double at, Actions actions) {

    /** Checks the values. */
    public EscalationStage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actions, "actions");
        if (!(at >= 0) || Double.isInfinite(at)) {
            throw new IllegalArgumentException("escalation stage '" + id + "': at must be a "
                    + "number >= 0, got " + at);
        }
    }

    /**
     * What a stage does to a ticket: the rule actions, plus raising the priority and setting
     * the status.
     *
     * @param category the category to move the ticket to, or {@code null}
     * @param assignTo the team or person to assign, or {@code null}
     * @param priority the priority to raise the ticket to (never lowered), or {@code null}
     * @param tags tags to add
     * @param raisePriority how many steps to raise the priority, capped at critical; 0 for none
     * @param status the status to set, or {@code null}
     */
    public record Actions(String category, String assignTo, Priority priority, List<String> tags,
            int raisePriority, Status status) {

        /** Checks the values and copies the tags. */
        public Actions {
            tags = List.copyOf(tags);
            if (raisePriority < 0) {
                throw new IllegalArgumentException("raise_priority must be 0 or more, got "
                        + raisePriority);
            }
            if (status == Status.NEW) {
                throw new IllegalArgumentException("a stage cannot set status 'new': no ticket "
                        + "may move back to it");
            }
        }

        /** Returns the status to set, or empty. */
        public Optional<Status> newStatus() {
            return Optional.ofNullable(status);
        }
    }
}
