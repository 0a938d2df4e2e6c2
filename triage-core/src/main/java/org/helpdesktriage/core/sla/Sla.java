package org.helpdesktriage.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA of one ticket, as a triage result carries it: the policy that applies, its calendar,
 * when the first response and the resolution are due (in UTC) and, when the ticket says it was
 * answered or resolved, whether each target was met.
 *
 * @param policy the policy's id
 * @param calendar the calendar's id
 * @param firstResponseDue when the first response is due, or {@code null} when it would fall
 *     outside the supported range
 * @param resolutionDue when the resolution is due, paused time added; while paused, the due time
 *     if the clock restarted now; {@code null} outside the supported range
 * @param firstResponseMet whether {@code first_response_at} was in time, or {@code null} when the
 *     ticket does not say
 * @param resolutionMet whether {@code resolved_at} was in time, or {@code null}
 * @param pausedSince since when the resolution clock has stood still, or {@code null} when it
 *     runs
 */
public record Sla(String policy, String calendar, Instant firstResponseDue, Instant resolutionDue,
        Boolean firstResponseMet, Boolean resolutionMet, Instant pausedSince) {

    /** Checks the values. */
    public Sla {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Returns when a target is due, or empty when it falls outside the supported range. */
    public Optional<Instant> due(Target target) {
        return Optional.ofNullable(target == Target.FIRST_RESPONSE ? firstResponseDue
                : resolutionDue);
    }

    /** Returns whether a target was met, or empty when the ticket does not say. */
    public Optional<Boolean> met(Target target) {
        return Optional.ofNullable(target == Target.FIRST_RESPONSE ? firstResponseMet
                : resolutionMet);
    }

    /** Returns since when the resolution clock has been paused, or empty when it runs. */
    public Optional<Instant> paused() {
        return Optional.ofNullable(pausedSince);
    }

    /**
     * The SLA as the store keeps it on a ticket, under the metadata key {@value #METADATA_KEY}: the
     * result's {@link Sla} plus the bookkeeping that successive imports and escalation sweeps need,
     * the resolution clock's finished pauses and the escalation stages already applied.
     *
     * <p>Keeping it in the metadata leaves the stored ticket the same thirteen-field JSON, so data
     * directories need no migration and any store that keeps a ticket's metadata keeps its SLA.
     *
     * @param sla the SLA as of the last write
     * @param paused the working time of the calendar the resolution clock stood still in finished
     *     pauses
     * @param stages the ids of the escalation stages applied, with when, in order of application
     */
    public record Stored(Sla sla, Duration paused, Map<String, Instant> stages) {

        /** The metadata key under which a stored ticket keeps its SLA. */
        public static final String METADATA_KEY = "sla";

        /** Checks the values and copies the stages. */
        public Stored {
            Objects.requireNonNull(sla, "sla");
            Objects.requireNonNull(paused, "paused");
            stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
            if (paused.isNegative()) {
                throw new IllegalArgumentException("paused time " + paused + " is negative");
            }
        }

        /** Returns a copy that records stage {@code id} as applied at {@code when}. */
        public Stored withStage(String id, Instant when) {
            Map<String, Instant> more = new LinkedHashMap<>(stages);
            more.put(id, when);
            return new Stored(sla, paused, more);
        }

        /** Returns the metadata value: an object of strings and booleans, keys in a fixed order. */
        public Map<String, Object> toMetadata() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", sla.policy());
            m.put("calendar", sla.calendar());
            putInstant(m, "first_response_due", sla.firstResponseDue());
            putInstant(m, "resolution_due", sla.resolutionDue());
            if (sla.firstResponseMet() != null) {
                m.put("first_response_met", sla.firstResponseMet());
            }
            if (sla.resolutionMet() != null) {
                m.put("resolution_met", sla.resolutionMet());
            }
            putInstant(m, "paused_since", sla.pausedSince());
            m.put("paused", paused.toString());
            Map<String, Object> s = new LinkedHashMap<>();
            stages.forEach((id, when) -> s.put(id, when.toString()));
            m.put("stages", Collections.unmodifiableMap(s));
            return Collections.unmodifiableMap(m);
        }

        /**
         * Reads the metadata value written by {@link #toMetadata()}.
         *
         * @throws IllegalArgumentException naming the key whose value cannot be read
         */
        public static Stored fromMetadata(Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("metadata 'sla' is not an object");
            }
            Sla sla = new Sla(text(m, "policy", true), text(m, "calendar", true),
                    instant(m, "first_response_due"), instant(m, "resolution_due"),
                    bool(m, "first_response_met"), bool(m, "resolution_met"),
                    instant(m, "paused_since"));
            String pausedText = text(m, "paused", false);
            Duration paused = Duration.ZERO;
            if (pausedText != null) {
                try {
                    paused = Duration.parse(pausedText);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("metadata 'sla.paused' '" + pausedText
                            + "' is not an ISO-8601 duration");
                }
            }
            Map<String, Instant> stages = new LinkedHashMap<>();
            Object s = m.get("stages");
            if (s != null) {
                if (!(s instanceof Map<?, ?> sm)) {
                    throw new IllegalArgumentException("metadata 'sla.stages' is not an object");
                }
                for (Map.Entry<?, ?> e : sm.entrySet()) {
                    stages.put(String.valueOf(e.getKey()), instant(sm, String.valueOf(e.getKey())));
                }
            }
            return new Stored(sla, paused, stages);
        }

        private static void putInstant(Map<String, Object> m, String key, Instant value) {
            if (value != null) {
                m.put(key, value.toString());
            }
        }

        private static String text(Map<?, ?> m, String key, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) {
                    throw new IllegalArgumentException("metadata 'sla' lacks '" + key + "'");
                }
                return null;
            }
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("metadata 'sla." + key + "' is not a string");
            }
            return s;
        }

        private static Instant instant(Map<?, ?> m, String key) {
            String t = text(m, key, false);
            if (t == null) {
                return null;
            }
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("metadata 'sla." + key + "' '" + t
                        + "' is not an ISO-8601 instant");
            }
        }

        private static Boolean bool(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v != null && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("metadata 'sla." + key
                        + "' is not true or false");
            }
            return (Boolean) v;
        }
    }

    /** The two clocks of an SLA: until the first response, and until the resolution. */
    public enum Target {
        /** Until someone first answers the requester ({@code first_response_at}). */
        FIRST_RESPONSE,
        /** Until the ticket is resolved ({@code resolved_at}); pause statuses stop this clock. */
        RESOLUTION;

        /** Returns the name used in configuration and output ("first_response"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the target named {@code value} (case-insensitive), or empty. */
        public static Optional<Target> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String key = value.trim().toLowerCase(Locale.ROOT);
            for (Target t : values()) {
                if (t.id().equals(key)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return id();
        }
    }
}
