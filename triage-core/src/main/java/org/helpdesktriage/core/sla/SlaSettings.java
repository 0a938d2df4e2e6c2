package org.helpdesktriage.core.sla;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;

/**
 * The SLA part of a configuration ({@code sla} in {@code config.json}): calendars, the ordered
 * policies, the statuses that pause the resolution clock, the fraction of a target at which a
 * ticket counts as at risk, and the escalation stages. No policies: SLAs are off.
 *
 * @param calendars the named calendars, in configuration order; the built-in
 *     {@value BusinessCalendar#ALWAYS_ID} is not among them but always exists
 * @param policies the policies, in order: the first whose condition holds applies
 * @param pauseStatuses the statuses in which the resolution clock stops
 * @param atRisk the elapsed fraction of a target, in (0, 1], from which a ticket is at risk
 * @param escalation the escalation stages, in order; none keeps the plain age threshold
 */
public record SlaSettings(Map<String, BusinessCalendar> calendars, List<SlaPolicy> policies,
        Set<Status> pauseStatuses, double atRisk, List<EscalationStage> escalation) {

    /** The default at-risk fraction. */
    public static final double DEFAULT_AT_RISK = 0.75;

    private static final SlaSettings NONE = new SlaSettings(Map.of(), List.of(),
            Set.of(), DEFAULT_AT_RISK, List.of());

    /** Checks the values and copies the collections. */
    public SlaSettings {
        calendars = Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
        policies = List.copyOf(policies);
        pauseStatuses = pauseStatuses.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(pauseStatuses));
        escalation = List.copyOf(escalation);
        if (!(atRisk > 0 && atRisk <= 1)) {
            throw new IllegalArgumentException("sla.at_risk must be a fraction in (0, 1], got "
                    + atRisk);
        }
        if (calendars.containsKey(BusinessCalendar.ALWAYS_ID)) {
            throw new IllegalArgumentException("the calendar '" + BusinessCalendar.ALWAYS_ID
                    + "' is built in and cannot be redefined");
        }
        Set<String> ids = new HashSet<>();
        for (SlaPolicy p : policies) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("two SLA policies have the id '" + p.id()
                        + "'");
            }
        }
        ids.clear();
        for (EscalationStage s : escalation) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("two escalation stages have the id '"
                        + s.id() + "'");
            }
        }
    }

    /** Returns settings without policies: SLAs are off. */
    public static SlaSettings none() {
        return NONE;
    }

    /** Returns whether SLAs are on: at least one policy. */
    public boolean enabled() {
        return !policies.isEmpty();
    }

    /** Returns whether escalation stages replace the plain age threshold. */
    public boolean hasStages() {
        return !escalation.isEmpty();
    }

    /** Returns the policy with {@code id}, or empty. */
    public Optional<SlaPolicy> policy(String id) {
        Objects.requireNonNull(id, "id");
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Returns the calendar named {@code id}, the built-in {@code 24x7} included, or empty. */
    public Optional<BusinessCalendar> calendar(String id) {
        Objects.requireNonNull(id, "id");
        if (id.equals(BusinessCalendar.ALWAYS_ID)) {
            return Optional.of(BusinessCalendar.always());
        }
        return Optional.ofNullable(calendars.get(id));
    }

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
    public record EscalationStage(String id, Sla.Target target, double at, Actions actions) {

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
        public record Actions(String category, String assignTo, Priority priority,
                List<String> tags, int raisePriority, Status status) {

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
}
