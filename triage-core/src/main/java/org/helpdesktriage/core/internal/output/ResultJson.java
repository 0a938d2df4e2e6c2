package org.helpdesktriage.core.internal.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.helpdesktriage.core.TriageOutcome.TriageDecision;
import org.helpdesktriage.core.TriageResult.ShadowDecision;
import org.helpdesktriage.core.TriageResult;
import org.helpdesktriage.core.assign.Assignment;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.route.Routing;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.Score;
import org.helpdesktriage.core.sla.Sla;

/**
 * Writes tickets, results and rejections as JSON through a streaming {@link JsonGenerator}: the
 * JSON shape of each part; which parts a result has, and in what order, is
 * {@link ResultFields#ALL}.
 *
 * <p>A result is {@code {"ticket": {...}, "routing": {...}, "config_fingerprint": "...",
 * "score": {"total", "components"}}} ({@code config_fingerprint}: the configuration that
 * decided, {@link org.helpdesktriage.core.config.ConfigLoader#fingerprint}, when an engine made it),
 * with {@code "sla"} when an SLA policy applies, {@code "shadow"} when a shadow configuration
 * decided too, {@code "notes"} when normalisation changed
 * something and {@code "explanation"} when one was asked for. A ticket's thirteen fields are written in {@link Ticket#FIELDS} order.
 */
final class ResultJson {

    // written on every result with an SLA: encoded once
    private static final SerializedString SLA_POLICY = new SerializedString("policy");
    private static final SerializedString SLA_CALENDAR = new SerializedString("calendar");
    private static final SerializedString SLA_FIRST_RESPONSE_DUE =
            new SerializedString("first_response_due");
    private static final SerializedString SLA_RESOLUTION_DUE =
            new SerializedString("resolution_due");

    private ResultJson() {
    }

    /** Writes a result object: each member of {@link ResultFields#ALL} the result has. */
    public static void writeResult(JsonGenerator g, TriageResult r) throws IOException {
        g.writeStartObject();
        for (ResultField field : ResultFields.ALL) {
            if (field.present().test(r)) {
                g.writeFieldName(field.name());
                field.json().write(g, r);
            }
        }
        g.writeEndObject();
    }

    /** Writes the notes: an array of strings. */
    public static void writeNotes(JsonGenerator g, List<String> notes) throws IOException {
        g.writeStartArray();
        for (String n : notes) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    /** Writes a routing object. */
    public static void writeRouting(JsonGenerator g, Routing routing) throws IOException {
        g.writeStartObject();
        g.writeStringField("assigned_to", routing.assignedTo());
        g.writeStringField("priority", routing.priority().id());
        g.writeStringField("category", routing.category());
        if (routing.ruleMatched() == null) {
            g.writeNullField("rule_matched");
        } else {
            g.writeStringField("rule_matched", routing.ruleMatched());
        }
        g.writeNumberField("confidence", round(routing.confidence()));
        g.writeStringField("decided_by", routing.decidedBy().id());
        if (routing.prediction() != null) {
            g.writeObjectFieldStart("prediction");
            g.writeStringField("category", routing.prediction().label());
            g.writeNumberField("confidence", round(routing.prediction().confidence()));
            g.writeEndObject();
        }
        if (routing.rulesMatched().size() > 1) {
            g.writeArrayFieldStart("rules_matched");
            for (String id : routing.rulesMatched()) {
                g.writeString(id);
            }
            g.writeEndArray();
        }
        if (routing.assignment() != null) {
            writeAssignment(g, routing.assignment());
        }
        g.writeEndObject();
    }

    // routing.assignee and routing.assignment: who in the team, by which strategy, and why
    private static void writeAssignment(JsonGenerator g, Assignment a) throws IOException {
        if (a.assignee() == null) {
            g.writeNullField("assignee");
        } else {
            g.writeStringField("assignee", a.assignee());
        }
        g.writeObjectFieldStart("assignment");
        g.writeStringField("strategy", a.strategy());
        g.writeStringField("reason", a.reason());
        if (!a.considered().isEmpty()) {
            g.writeArrayFieldStart("considered");
            for (Assignment.Considered c : a.considered()) {
                g.writeStartObject();
                g.writeStringField("agent", c.agent());
                if (c.passedOver() == null) {
                    g.writeBooleanField("chosen", true);
                } else {
                    g.writeStringField("passed_over", c.passedOver());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Writes a score object: total and components. */
    public static void writeScore(JsonGenerator g, Score score) throws IOException {
        g.writeStartObject();
        g.writeNumberField("total", round(score.total()));
        g.writeObjectFieldStart("components");
        for (Score.Component c : score.components()) {
            g.writeObjectFieldStart(c.name());
            g.writeNumberField("points", c.points());
            g.writeNumberField("value", round(c.value()));
            g.writeNumberField("weight", c.weight());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Writes an SLA object: policy, calendar, the due times in UTC (null outside the supported
     * range), the met flags when the ticket says it was answered or resolved, and
     * {@code paused_since} while the resolution clock stands still.
     */
    public static void writeSla(JsonGenerator g, Sla sla) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SLA_POLICY);
        g.writeString(sla.policy());
        g.writeFieldName(SLA_CALENDAR);
        g.writeString(sla.calendar());
        writeInstant(g, SLA_FIRST_RESPONSE_DUE, sla.firstResponseDue());
        writeInstant(g, SLA_RESOLUTION_DUE, sla.resolutionDue());
        if (sla.firstResponseMet() != null) {
            g.writeBooleanField("first_response_met", sla.firstResponseMet());
        }
        if (sla.resolutionMet() != null) {
            g.writeBooleanField("resolution_met", sla.resolutionMet());
        }
        if (sla.pausedSince() != null) {
            g.writeStringField("paused_since", sla.pausedSince().toString());
        }
        g.writeEndObject();
    }

    private static void writeInstant(JsonGenerator g, SerializedString name, Instant t)
            throws IOException {
        g.writeFieldName(name);
        if (t == null) {
            g.writeNull();
        } else {
            g.writeString(IsoInstants.format(t));
        }
    }

    /**
     * Writes a shadow configuration's decision: category, team, priority, SLA policy and rule
     * (or {@code rejected} with the candidate's reason), {@code agrees}, and when it does not,
     * {@code changed}: what differs from the live decision.
     */
    public static void writeShadow(JsonGenerator g, ShadowDecision shadow) throws IOException {
        TriageDecision d = shadow.decision();
        g.writeStartObject();
        if (d.isRejected()) {
            g.writeStringField("rejected", d.rejection());
        } else {
            g.writeStringField("category", d.category());
            g.writeStringField("team", d.team());
            g.writeStringField("priority", d.priority());
            g.writeStringField("sla_policy", d.slaPolicy());
            g.writeStringField("rule", d.rule());
        }
        g.writeBooleanField("agrees", shadow.agrees());
        if (!shadow.agrees()) {
            g.writeArrayFieldStart("changed");
            for (String f : shadow.changed()) {
                g.writeString(f);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Writes an explanation: one object per rule evaluated. */
    public static void writeExplanation(JsonGenerator g,
            List<RuleDefinition.Evaluation> evaluations) throws IOException {
        g.writeStartArray();
        for (RuleDefinition.Evaluation e : evaluations) {
            g.writeStartObject();
            g.writeStringField("rule", e.ruleId());
            g.writeBooleanField("matched", e.matched());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes a rejection: source position, each error, and the raw record. */
    public static void writeRejection(JsonGenerator g, Rejection r) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", r.position().source());
        g.writeNumberField("line", r.position().line());
        g.writeNumberField("record", r.position().record());
        g.writeArrayFieldStart("errors");
        for (FieldError e : r.errors()) {
            g.writeStartObject();
            g.writeStringField("field", e.field());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("raw", r.raw());
        g.writeEndObject();
    }

    // six decimals, so scores print without binary noise (0.58, not 0.5800000001)
    static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }
}
