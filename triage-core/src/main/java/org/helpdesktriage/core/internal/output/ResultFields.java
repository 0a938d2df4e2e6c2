package org.helpdesktriage.core.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.scoring.Score;

/**
 * The members of a result, in output order: the one place where a field is added to every
 * output format. A new member is one more {@link ResultField} in {@link #ALL}, with its JSON
 * value and its CSV columns side by side.
 */
final class ResultFields {

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    // the thirteen ticket fields, named as in Ticket.FIELDS
    private static final List<CsvColumn> TICKET_COLUMNS = List.of(
            new CsvColumn("ticket_id", r -> r.ticket().ticketId()),
            new CsvColumn("title", r -> r.ticket().title()),
            new CsvColumn("description", r -> r.ticket().description()),
            new CsvColumn("requester_email", r -> r.ticket().requesterEmail()),
            new CsvColumn("category", r -> r.ticket().category()),
            new CsvColumn("priority", r -> r.ticket().priority().id()),
            new CsvColumn("status", r -> r.ticket().status().id()),
            new CsvColumn("created_at", r -> r.ticket().createdAt().toString()),
            new CsvColumn("updated_at", r -> r.ticket().updatedAt().toString()),
            new CsvColumn("assigned_to", r -> orEmpty(r.ticket().assignedTo())),
            new CsvColumn("tags", r -> String.join(",", r.ticket().tags())),
            new CsvColumn("metadata",
                    r -> json(g -> TicketJson.writeValue(g, r.ticket().metadata()))),
            new CsvColumn("score", r -> r.ticket().score() == null ? ""
                    : String.valueOf(ResultJson.round(r.ticket().score()))));

    private static final List<CsvColumn> ROUTING_COLUMNS = List.of(
            new CsvColumn("routing_assigned_to", r -> r.routing().assignedTo()),
            new CsvColumn("routing_priority", r -> r.routing().priority().id()),
            new CsvColumn("routing_category", r -> r.routing().category()),
            new CsvColumn("routing_rule_matched", r -> orEmpty(r.routing().ruleMatched())),
            new CsvColumn("routing_confidence", r -> String.valueOf(r.routing().confidence())),
            new CsvColumn("routing_decided_by", r -> r.routing().decidedBy().id()));

    // who in the team took the ticket, when the configuration has agents
    private static final List<CsvColumn> ASSIGNMENT_COLUMNS = List.of(
            new CsvColumn("routing_assignee", r -> r.routing().assignment() == null ? ""
                    : orEmpty(r.routing().assignment().assignee())),
            new CsvColumn("routing_assignment_strategy", r -> r.routing().assignment() == null
                    ? "" : r.routing().assignment().strategy()),
            new CsvColumn("routing_assignment_reason", r -> r.routing().assignment() == null
                    ? "" : r.routing().assignment().reason()));

    // empty cells without an SLA, so the columns stay the same whatever the configuration
    private static final List<CsvColumn> SLA_COLUMNS = List.of(
            new CsvColumn("sla_policy", r -> r.sla() == null ? "" : r.sla().policy()),
            new CsvColumn("sla_calendar", r -> r.sla() == null ? "" : r.sla().calendar()),
            new CsvColumn("sla_first_response_due",
                    r -> r.sla() == null ? "" : orEmpty(r.sla().firstResponseDue())),
            new CsvColumn("sla_resolution_due",
                    r -> r.sla() == null ? "" : orEmpty(r.sla().resolutionDue())),
            new CsvColumn("sla_first_response_met",
                    r -> r.sla() == null ? "" : orEmpty(r.sla().firstResponseMet())),
            new CsvColumn("sla_resolution_met",
                    r -> r.sla() == null ? "" : orEmpty(r.sla().resolutionMet())));

    // a shadow configuration's decision, beside the live one; empty cells for what it lacks
    private static final List<CsvColumn> SHADOW_COLUMNS = List.of(
            new CsvColumn("shadow_category", r -> shadow(r, TriageDecision::category)),
            new CsvColumn("shadow_team", r -> shadow(r, TriageDecision::team)),
            new CsvColumn("shadow_priority", r -> shadow(r, TriageDecision::priority)),
            new CsvColumn("shadow_sla_policy", r -> shadow(r, TriageDecision::slaPolicy)),
            new CsvColumn("shadow_rule", r -> shadow(r, TriageDecision::rule)),
            new CsvColumn("shadow_rejected", r -> shadow(r, TriageDecision::rejection)),
            new CsvColumn("shadow_agrees",
                    r -> r.shadow() == null ? "" : String.valueOf(r.shadow().agrees())),
            new CsvColumn("shadow_changed",
                    r -> r.shadow() == null ? "" : String.join(",", r.shadow().changed())));

    /** Every member of a result, in the order JSON objects and CSV columns show them. */
    static final List<ResultField> ALL = List.of(
            new ResultField("ticket", r -> true,
                    (g, r) -> TicketJson.write(g, r.ticket()), layout -> TICKET_COLUMNS),
            new ResultField("routing", r -> true,
                    (g, r) -> ResultJson.writeRouting(g, r.routing()), layout -> layout.assignment()
                    ? concat(ROUTING_COLUMNS, ASSIGNMENT_COLUMNS) : ROUTING_COLUMNS),
            new ResultField("config_fingerprint", r -> r.configFingerprint() != null,
                    (g, r) -> g.writeString(r.configFingerprint()),
                    layout -> List.of(new CsvColumn("config_fingerprint",
                            r -> orEmpty(r.configFingerprint())))),
            new ResultField("score", r -> true,
                    (g, r) -> ResultJson.writeScore(g, r.score()), ResultFields::scoreColumns),
            new ResultField("sla", r -> r.sla() != null,
                    (g, r) -> ResultJson.writeSla(g, r.sla()), layout -> SLA_COLUMNS),
            new ResultField("shadow", r -> r.shadow() != null,
                    (g, r) -> ResultJson.writeShadow(g, r.shadow()),
                    layout -> layout.shadow() ? SHADOW_COLUMNS : List.of()),
            new ResultField("notes", r -> !r.notes().isEmpty(),
                    (g, r) -> ResultJson.writeNotes(g, r.notes()),
                    layout -> List.of(new CsvColumn("notes", r -> String.join("; ", r.notes())))),
            new ResultField("explanation", r -> !r.explanation().isEmpty(),
                    (g, r) -> ResultJson.writeExplanation(g, r.explanation()),
                    layout -> layout.explain() ? List.of(new CsvColumn("explanation",
                            r -> json(g -> ResultJson.writeExplanation(g, r.explanation()))))
                            : List.of()));

    private ResultFields() {
    }

    /** Returns the CSV columns of every member, for a layout, in output order. */
    static List<CsvColumn> csvColumns(CsvLayout layout) {
        List<CsvColumn> columns = new ArrayList<>();
        for (ResultField f : ALL) {
            columns.addAll(f.columns().apply(layout));
        }
        List<String> names = columns.stream().map(CsvColumn::name).toList();
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalStateException("two CSV columns share a name: " + names);
        }
        return columns;
    }

    // score_total, then score_<name> for each component, found by name in each result
    private static List<CsvColumn> scoreColumns(CsvLayout layout) {
        List<CsvColumn> columns = new ArrayList<>();
        columns.add(new CsvColumn("score_total",
                r -> String.valueOf(ResultJson.round(r.score().total()))));
        for (String name : layout.scoreComponents()) {
            columns.add(new CsvColumn("score_" + name, r -> component(r, name)));
        }
        return columns;
    }

    private static String component(TriageResult r, String name) {
        for (Score.Component c : r.score().components()) {
            if (c.name().equals(name)) {
                return String.valueOf(ResultJson.round(c.value()));
            }
        }
        return "";
    }

    private static String shadow(TriageResult r, Function<TriageDecision, String> value) {
        return r.shadow() == null ? "" : orEmpty(value.apply(r.shadow().decision()));
    }

    private static List<CsvColumn> concat(List<CsvColumn> a, List<CsvColumn> b) {
        List<CsvColumn> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Something that writes JSON to a generator. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** Returns what {@code body} writes, as JSON text for one CSV cell. */
    static String json(JsonBody body) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            body.write(g);
        }
        return sw.toString();
    }
}
