package org.helpdesktriage.core.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.sla.BusinessCalendar;
import org.helpdesktriage.core.sla.SlaSettings.EscalationStage;
import org.helpdesktriage.core.sla.SlaPolicy;
import org.helpdesktriage.core.sla.SlaSettings;
import org.helpdesktriage.core.sla.TimeRange;

/** Renders {@link SlaSettings} back to the shape of the {@code sla} key of config.json. */
final class SlaJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SlaJson() {
    }

    static ObjectNode toTree(SlaSettings sla) {
        ObjectNode n = F.objectNode();
        ObjectNode calendars = n.putObject("calendars");
        sla.calendars().forEach((name, c) -> calendars.set(name, calendar(c)));
        ArrayNode policies = n.putArray("policies");
        for (SlaPolicy p : sla.policies()) {
            ObjectNode o = policies.addObject();
            o.put("id", p.id());
            o.set("condition", p.condition().json());
            o.put("calendar", p.calendar().id());
            o.put("first_response", p.firstResponse().toString());
            o.put("resolution", p.resolution().toString());
        }
        ArrayNode pause = n.putArray("pause_statuses");
        for (Status s : Status.values()) {
            if (sla.pauseStatuses().contains(s)) {
                pause.add(s.id());
            }
        }
        n.put("at_risk", sla.atRisk());
        ArrayNode stages = n.putArray("escalation");
        for (EscalationStage s : sla.escalation()) {
            ObjectNode o = stages.addObject();
            o.put("id", s.id());
            o.put("target", s.target().id());
            o.put("at", s.at());
            o.set("actions", actions(s.actions()));
        }
        return n;
    }

    private static ObjectNode calendar(BusinessCalendar c) {
        ObjectNode o = F.objectNode();
        o.put("time_zone", c.zone().getId());
        ObjectNode hours = o.putObject("hours");
        for (DayOfWeek d : DayOfWeek.values()) {
            List<TimeRange> ranges = c.hours().get(d);
            if (!ranges.isEmpty()) {
                ArrayNode a = hours.putArray(d.name().substring(0, 3).toLowerCase(Locale.ROOT));
                ranges.forEach(r -> a.add(r.toString()));
            }
        }
        ArrayNode holidays = o.putArray("holidays");
        c.holidays().forEach(h -> holidays.add(h.toString()));
        return o;
    }

    private static ObjectNode actions(EscalationStage.Actions a) {
        ObjectNode o = F.objectNode();
        if (a.category() != null) {
            o.put("category", a.category());
        }
        if (a.assignTo() != null) {
            o.put("assign_to", a.assignTo());
        }
        if (a.priority() != null) {
            o.put("priority", a.priority().id());
        }
        if (!a.tags().isEmpty()) {
            ArrayNode tags = o.putArray("tags");
            a.tags().forEach(tags::add);
        }
        if (a.raisePriority() > 0) {
            o.put("raise_priority", a.raisePriority());
        }
        a.newStatus().ifPresent(s -> o.put("status", s.id()));
        return o;
    }
}
