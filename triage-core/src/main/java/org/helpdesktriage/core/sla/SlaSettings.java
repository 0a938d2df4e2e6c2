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
}
