package org.helpdesktriage.examples;

import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.TriageOutcome;
import org.helpdesktriage.core.TriageResult;

/**
 * Embeds the library the shortest way: one ticket, as the JSON a web form or a queue hands
 * over, triaged through the public API only. A ticket with errors is an outcome that names every
 * one of them, not an exception. Run: {@code JsonTicketExample '{"title": ...}'}.
 */
public final class JsonTicketExample {

    private static final String SAMPLE = "{\"ticket_id\": \"TKT-20261123-7F3A9C21\","
            + " \"title\": \"Cannot log in\","
            + " \"description\": \"I am locked out of my account after a password reset.\","
            + " \"requester_email\": \"ann@example.com\"}";

    private JsonTicketExample() {
    }

    /** Triages the JSON ticket given as the first argument, or a sample one. */
    public static void main(String[] args) {
        // build once, share everywhere: the rules compile here, and the engine is thread-safe
        TriageEngine engine = TriageEngine.builder().build();
        System.out.println(describe(engine.triageJson(args.length > 0 ? args[0] : SAMPLE)));
    }

    /** Returns one line saying where a ticket goes, or why it was rejected. */
    static String describe(TriageOutcome outcome) {
        if (outcome instanceof TriageOutcome.Triaged triaged) {
            TriageResult r = triaged.result();
            return r.ticket().ticketId() + " -> " + r.routing().assignedTo() + ", priority "
                    + r.routing().priority().id() + ", score " + r.score().total();
        }
        return "rejected: " + ((TriageOutcome.Rejected) outcome).rejection().message();
    }
}
