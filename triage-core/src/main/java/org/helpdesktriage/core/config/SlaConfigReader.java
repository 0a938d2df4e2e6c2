package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.rules.CompiledCondition;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.DateRange;
import org.helpdesktriage.core.sla.Sla;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.SlaSettings.EscalationStage;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.TimeRange;

/**
 * Turns the {@code sla} key of a configuration into {@link SlaSettings}. Every problem is a
 * {@link TriageException} ({@link ErrorCode#CONFIG_INVALID}) naming where the value came from,
 * its line when it came from a file, and its key path, such as
 * {@code sla.calendars.office.hours.mon[1]}.
 */
final class SlaConfigReader {

    /** The longest target accepted: about ten years. */
    static final Duration MAX_TARGET = Duration.ofDays(3660);

    /** The day keys of a calendar's hours, Monday first. */
    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat",
            "sun");

    private final String origin;
    private final Function<JsonPointer, String> lineOf;
    private final Categories categories;
    private final Problems problems;
    // calendars that failed their checks: a policy naming one is not reported again
    private final Set<String> broken = new java.util.HashSet<>();

    private SlaConfigReader(String origin, Function<JsonPointer, String> lineOf,
            Categories categories, Problems problems) {
        this.origin = origin;
        this.lineOf = lineOf;
        this.categories = categories;
        this.problems = problems;
    }

    /**
     * Reads the section.
     *
     * @param section the section, or {@code null} for none (SLAs off)
     * @param origin where the section came from, for messages ("config.json")
     * @param lineOf the line of a JSON pointer in that file, or {@code null} when unknown
     */
    static SlaSettings read(SlaSection section, String origin,
            Function<JsonPointer, String> lineOf, Categories categories) {
        return read(section, origin, lineOf, categories, Problems.failFast());
    }

    /**
     * Reads the section, reporting its problems to {@code problems}: when they are collected
     * (validating), every calendar, day, holiday, policy, target and stage is checked on its
     * own, so that all of the section's problems are reported at once, and {@code null} is
     * returned when there was any.
     */
    static SlaSettings read(SlaSection section, String origin,
            Function<JsonPointer, String> lineOf, Categories categories, Problems problems) {
        if (section == null) {
            return SlaSettings.none();
        }
        int before = problems.count();
        SlaSettings settings = new SlaConfigReader(origin, lineOf, categories, problems)
                .settings(section);
        return problems.count() > before ? null : settings;
    }

    private SlaSettings settings(SlaSection s) {
        Key root = Key.root("sla");
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        if (s.calendars() != null) {
            s.calendars().forEach((name, c) -> {
                BusinessCalendar calendar = problems.check(() -> calendar(name, c,
                        root.key("calendars").key(name)), null);
                if (calendar == null) {
                    broken.add(name.trim());
                } else {
                    calendars.put(name, calendar);
                }
            });
        }
        List<SlaPolicy> policies = new ArrayList<>();
        List<SlaSection.Policy> ps = s.policies() == null ? List.of() : s.policies();
        for (int i = 0; i < ps.size(); i++) {
            Key at = root.key("policies").index(i);
            SlaSection.Policy p = ps.get(i);
            SlaPolicy policy = problems.check(() -> policy(p, calendars, policies, at), null);
            if (policy != null) {
                policies.add(policy);
            }
        }
        Set<Status> pause = EnumSet.noneOf(Status.class);
        List<String> statuses = s.pauseStatuses() == null ? List.of() : s.pauseStatuses();
        for (int i = 0; i < statuses.size(); i++) {
            Key at = root.key("pause_statuses").index(i);
            String status = statuses.get(i);
            problems.check(() -> pause.add(status(status, at)), null);
        }
        double atRisk = s.atRisk() == null ? SlaSettings.DEFAULT_AT_RISK : s.atRisk();
        if (!(atRisk > 0 && atRisk <= 1)) {
            problems.report(error(root.key("at_risk"), "must be a fraction above 0 and at most 1 "
                    + "(0.75: at risk once three quarters of a target have elapsed), got "
                    + atRisk));
        }
        List<EscalationStage> stages = new ArrayList<>();
        List<SlaSection.Stage> ss = s.escalation() == null ? List.of() : s.escalation();
        for (int i = 0; i < ss.size(); i++) {
            Key at = root.key("escalation").index(i);
            SlaSection.Stage st = ss.get(i);
            EscalationStage stage = problems.check(() -> stage(st, stages, at), null);
            if (stage != null) {
                stages.add(stage);
            }
        }
        if (!stages.isEmpty() && ps.isEmpty()) {
            problems.report(error(root.key("escalation"), "stages measure SLA targets, but "
                    + "sla.policies is empty; add policies, or remove the stages to keep "
                    + "escalation_threshold_hours"));
        }

        return new SlaSettings(calendars, policies, pause, atRisk, stages);
    }

    private BusinessCalendar calendar(String name, SlaSection.Calendar c, Key at) {
        if (name.equals(BusinessCalendar.ALWAYS_ID)) {
            throw error(at, "'" + name + "' is the built-in calendar, on which every moment is "
                    + "working time; give yours another name");
        }
        if (name.isBlank()) {
            throw error(at, "a calendar needs a name");
        }
        if (c == null) {
            throw error(at, "a calendar must be an object with time_zone, hours and holidays");
        }
        if (c.timeZone() == null || c.timeZone().isBlank()) {
            throw error(at.key("time_zone"), "is missing; give an IANA zone such as "
                    + "\"Europe/Berlin\" or \"UTC\"");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone().trim());
        } catch (DateTimeException e) {
            throw error(at.key("time_zone"), "'" + c.timeZone() + "' is not a time zone; give an"
                    + " IANA name such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\"");
        }
        BusinessCalendar.Builder b = BusinessCalendar.builder(name, zone);
        Map<String, List<String>> hours = c.hours() == null ? Map.of() : c.hours();
        for (Map.Entry<String, List<String>> e : hours.entrySet()) {
            String day = e.getKey().trim().toLowerCase(Locale.ROOT);
            Key dayKey = at.key("hours").key(e.getKey());
            int d = DAYS.indexOf(day);
            if (d < 0) {
                throw error(dayKey, "'" + e.getKey() + "' is not a day; use " + DAYS);
            }
            List<String> ranges = e.getValue() == null ? List.of() : e.getValue();
            List<TimeRange> parsed = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                TimeRange r;
                try {
                    r = TimeRange.parse(ranges.get(i));
                } catch (IllegalArgumentException ex) {
                    throw error(dayKey.index(i), ex.getMessage());
                }
                for (int j = 0; j < parsed.size(); j++) {
                    if (parsed.get(j).overlaps(r)) {
                        throw error(dayKey.index(i), "'" + ranges.get(i) + "' overlaps '"
                                + ranges.get(j) + "' (" + dayKey.index(j) + ")");
                    }
                }
                parsed.add(r);
            }
            b.hours(DayOfWeek.of(d + 1), parsed.toArray(new TimeRange[0]));
        }
        List<String> holidays = c.holidays() == null ? List.of() : c.holidays();
        for (int i = 0; i < holidays.size(); i++) {
            try {
                b.holiday(DateRange.parse(holidays.get(i)));
            } catch (IllegalArgumentException ex) {
                throw error(at.key("holidays").index(i), ex.getMessage());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw error(at.key("hours"), ex.getMessage());
        }
    }

    private SlaPolicy policy(SlaSection.Policy p, Map<String, BusinessCalendar> calendars,
            List<SlaPolicy> before, Key at) {
        if (p == null) {
            throw error(at, "a policy must be an object with id, condition, calendar, "
                    + "first_response and resolution");
        }
        if (p.id() == null || p.id().isBlank()) {
            throw error(at.key("id"), "a policy needs an id");
        }
        String id = p.id().trim();
        if (before.stream().anyMatch(q -> q.id().equals(id))) {
            throw error(at.key("id"), "two policies have the id '" + id + "'");
        }
        CompiledCondition condition;
        try {
            condition = CompiledCondition.compile(p.condition(), "SLA policy '" + id + "'",
                    at.key("condition").toString(), categories);
        } catch (TriageException e) {
            throw new TriageException(ErrorCode.CONFIG_INVALID, where(at.key("condition"))
                    + e.getMessage(), e);
        }
        if (p.calendar() == null || p.calendar().isBlank()) {
            throw error(at.key("calendar"), "is missing; name a calendar of sla.calendars or "
                    + BusinessCalendar.ALWAYS_ID);
        }
        String name = p.calendar().trim();
        BusinessCalendar calendar = name.equals(BusinessCalendar.ALWAYS_ID)
                ? BusinessCalendar.always() : calendars.get(name);
        Duration firstResponse = problems.check(() -> duration(p.firstResponse(),
                at.key("first_response")), null);
        Duration resolution = problems.check(() -> duration(p.resolution(),
                at.key("resolution")), null);
        if (calendar == null && broken.contains(name)) {
            // its calendar's own problems are reported; this policy's would only repeat them
            return null;
        }
        if (calendar == null) {
            List<String> known = new ArrayList<>(List.of(BusinessCalendar.ALWAYS_ID));
            known.addAll(calendars.keySet());
            throw error(at.key("calendar"), "policy '" + id + "' names calendar '" + name
                    + "', which is not configured (calendars: " + String.join(", ", known) + ")");
        }
        if (firstResponse == null || resolution == null) {
            return null;
        }
        if (firstResponse.compareTo(resolution) > 0) {
            throw error(at.key("first_response"), "policy '" + id + "' gives a first response ("
                    + p.firstResponse().trim() + ") longer than its resolution ("
                    + p.resolution().trim() + "); a ticket is answered before it is resolved");
        }
        return new SlaPolicy(id, condition, calendar, firstResponse, resolution);
    }

    private Duration duration(String text, Key at) {
        if (text == null || text.isBlank()) {
            throw error(at, "is missing; give an ISO-8601 duration such as \"PT4H\" or \"P2D\"");
        }
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw error(at, "'" + text + "' is not an ISO-8601 duration such as \"PT15M\", "
                    + "\"PT4H\" or \"P2D\" (weeks as days: \"P14D\")");
        }
        if (d.isNegative() || d.isZero()) {
            throw error(at, "'" + text + "' must be a positive duration");
        }
        if (d.compareTo(MAX_TARGET) > 0) {
            throw error(at, "'" + text + "' is longer than the longest target, "
                    + MAX_TARGET.toDays() + " days");
        }
        return d;
    }

    private EscalationStage stage(SlaSection.Stage s, List<EscalationStage> before, Key at) {
        if (s == null) {
            throw error(at, "a stage must be an object with id, target, at and actions");
        }
        if (s.id() == null || s.id().isBlank()) {
            throw error(at.key("id"), "a stage needs an id");
        }
        String id = s.id().trim();
        if (before.stream().anyMatch(b -> b.id().equals(id))) {
            throw error(at.key("id"), "two stages have the id '" + id + "'");
        }
        if (s.target() == null || s.at() == null) {
            throw error(at, "stage '" + id + "' has no trigger: give \"target\" "
                    + "(first_response or resolution) and \"at\" (the elapsed fraction: 0.75, "
                    + "1.0, 1.5)");
        }
        Sla.Target target = Sla.Target.parse(s.target()).orElseThrow(() -> error(at.key("target"),
                "'" + s.target() + "' is not first_response or resolution"));
        if (!(s.at() >= 0) || s.at().isInfinite()) {
            throw error(at.key("at"), "must be a fraction 0 or more (1.0: the target reached), "
                    + "got " + s.at());
        }
        return new EscalationStage(id, target, s.at(), actions(s.actions(), at.key("actions")));
    }

    private EscalationStage.Actions actions(SlaSection.StageActions a, Key at) {
        if (a == null) {
            return new EscalationStage.Actions(null, null, null, List.of(), 0, null);
        }
        String category = null;
        if (a.category() != null) {
            category = a.category().trim().toLowerCase(Locale.ROOT);
            if (!categories.contains(category)) {
                throw error(at.key("category"), "'" + a.category() + "' is not a configured "
                        + "category (configured: " + String.join(", ", categories.names()) + ")");
            }
        }
        if (a.assignTo() != null && a.assignTo().isBlank()) {
            throw error(at.key("assign_to"), "is blank");
        }
        Priority priority = null;
        if (a.priority() != null) {
            priority = Priority.parse(a.priority()).orElseThrow(() -> error(at.key("priority"),
                    "'" + a.priority() + "' is not a priority (critical, high, medium, low)"));
        }
        int raise = a.raisePriority() == null ? 0 : a.raisePriority();
        if (a.raisePriority() != null && raise < 1) {
            throw error(at.key("raise_priority"), "must be 1 or more steps, got " + raise);
        }
        if (priority != null && raise > 0) {
            throw error(at, "give priority or raise_priority, not both");
        }
        List<String> tags = a.tags() == null ? List.of() : a.tags();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null || tags.get(i).isBlank()) {
                throw error(at.key("tags").index(i), "is blank");
            }
        }
        Status status = null;
        if (a.status() != null) {
            status = status(a.status(), at.key("status"));
            if (status == Status.NEW) {
                throw error(at.key("status"), "a stage cannot set 'new': no ticket moves back "
                        + "to it");
            }
        }
        return new EscalationStage.Actions(category,
                a.assignTo() == null ? null : a.assignTo().trim(), priority,
                tags.stream().map(String::trim).toList(), raise, status);
    }

    private Status status(String value, Key at) {
        return Status.parse(value).orElseThrow(() -> error(at, "'" + value + "' is not a status "
                + "(" + String.join(", ", java.util.Arrays.stream(Status.values())
                        .map(Status::id).toList()) + ")"));
    }

    private String where(Key at) {
        String line = lineOf == null ? null : lineOf.apply(at.pointer());
        return origin + (line == null ? "" : " line " + line) + ": ";
    }

    private TriageException error(Key at, String problem) {
        return new TriageException(ErrorCode.CONFIG_INVALID, where(at) + at + ": " + problem);
    }

    /** A key path, shown as {@code sla.calendars.office.hours.mon[1]}, with its JSON pointer. */
    record Key(String path, JsonPointer pointer) {

        static Key root(String name) {
            return new Key(name, JsonPointer.empty().appendProperty(name));
        }

        Key key(String name) {
            return new Key(path + "." + name, pointer.appendProperty(name));
        }

        Key index(int i) {
            return new Key(path + "[" + i + "]", pointer.appendIndex(i));
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
