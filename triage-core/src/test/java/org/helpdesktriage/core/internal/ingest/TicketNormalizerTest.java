package org.helpdesktriage.core.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.ingest.InputFormat;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.RecordReadersTest;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.internal.config.IngestConfig;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.FieldError;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final SourcePosition POS = new SourcePosition("in.json", 7, 3);

    private final TicketNormalizer normalizer =
            new TicketNormalizer(IngestConfig.settings(TriageConfig.defaults()), Clock.fixed(NOW, ZoneOffset.UTC));

    /** Returns the fields of a valid ticket, in order, with {@code extra} pairs put over them. */
    private static Map<String, Object> fields(Object... extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ticket_id", "TKT-1");
        f.put("title", "Cannot log in");
        f.put("description", "The login page says error 500.");
        f.put("requester_email", "ann@example.com");
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == REMOVE) {
                f.remove((String) extra[i]);
            } else {
                f.put((String) extra[i], extra[i + 1]);
            }
        }
        return f;
    }

    private static final Object REMOVE = new Object();

    private Ingested normalize(Map<String, Object> fields) {
        return normalizer.normalize(RawRecord.of(POS, fields, "raw text"));
    }

    private Ingested.Accepted accept(Map<String, Object> fields) {
        Ingested outcome = normalize(fields);
        assertThat(outcome).isInstanceOf(Ingested.Accepted.class);
        return (Ingested.Accepted) outcome;
    }

    private Rejection reject(Map<String, Object> fields) {
        Ingested outcome = normalize(fields);
        assertThat(outcome).isInstanceOf(Ingested.Rejected.class);
        return ((Ingested.Rejected) outcome).rejection();
    }

    private List<String> errorMessages(Map<String, Object> fields) {
        return reject(fields).errors().stream().map(FieldError::message).toList();
    }

    @Test
    void valid_record_becomesTicketWithDefaults() {
        Ingested.Accepted a = accept(fields());
        Ticket t = a.ticket();
        assertThat(t.ticketId()).isEqualTo("TKT-1");
        assertThat(t.title()).isEqualTo("Cannot log in");
        assertThat(t.category()).isEqualTo("general");
        assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(t.status()).isEqualTo(Status.NEW);
        assertThat(t.createdAt()).isEqualTo(NOW);
        assertThat(t.updatedAt()).isEqualTo(NOW);
        assertThat(t.assignedTo()).isNull();
        assertThat(t.tags()).isEmpty();
        assertThat(t.metadata()).isEmpty();
        assertThat(t.score()).isNull();
        assertThat(a.position()).isEqualTo(POS);
        assertThat(a.notes()).containsExactly("category missing; set to the default 'general'",
                "priority missing; set to 'medium'",
                "created_at missing; set to the time of ingest");
    }

    @ParameterizedTest
    @CsvSource({
        "id, ticket_id, TKT-9",
        "ticket, ticket_id, TKT-9",
        "subject, title, Aliased title",
        "body, description, Aliased body",
        "email, requester_email, bob@example.org",
        "user_email, requester_email, bob@example.org",
        "type, category, billing",
        "assignee, assigned_to, alice",
    })
    void alias_isReadAsItsFieldWithNote(String alias, String field, String value) {
        Ingested.Accepted a = accept(fields(field, REMOVE, alias, value));
        Ticket t = a.ticket();
        Object actual = switch (field) {
            case "ticket_id" -> t.ticketId();
            case "title" -> t.title();
            case "description" -> t.description();
            case "requester_email" -> t.requesterEmail();
            case "category" -> t.category();
            default -> t.assignedTo();
        };
        assertThat(actual).isEqualTo(value);
        assertThat(a.notes()).contains("field '" + alias + "' read as '" + field + "'");
        assertThat(t.metadata()).doesNotContainKey(alias);
    }

    @Test
    void alias_isValidatedLikeTheRealField() {
        assertThat(reject(fields("requester_email", REMOVE, "email", "a@b")).errors())
                .containsExactly(new FieldError("requester_email",
                        "requester_email 'a@b' is not a valid address"));
    }

    @Test
    void aliasAndField_bothGiven_fieldWinsWithNote() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("subject", "From alias");
        f.putAll(fields());
        Ingested.Accepted a = accept(f);
        assertThat(a.ticket().title()).isEqualTo("Cannot log in");
        assertThat(a.notes()).contains("field 'subject' ignored: 'title' is also given")
                .doesNotContain("field 'subject' read as 'title'");

        Ingested.Accepted b = accept(fields("subject", "From alias"));
        assertThat(b.ticket().title()).isEqualTo("Cannot log in");
        assertThat(b.notes()).contains("field 'subject' ignored: 'title' is also given");
    }

    @Test
    void keys_areNormalisedBeforeAliases() {
        Map<String, Object> f = fields("ticket_id", REMOVE, "title", REMOVE);
        f.put(" Ticket ID ", "TKT-2");
        f.put("SUBJECT", "Upper");
        Ingested.Accepted a = accept(f);
        assertThat(a.ticket().ticketId()).isEqualTo("TKT-2");
        assertThat(a.ticket().title()).isEqualTo("Upper");
        assertThat(a.notes()).contains("field ' Ticket ID ' read as 'ticket_id'",
                "field 'SUBJECT' read as 'title'");
    }

    @Test
    void json_numericId_becomesString() {
        Ingested.Accepted a = accept(fields("ticket_id", 123L));
        assertThat(a.ticket().ticketId()).isEqualTo("123");
        assertThat(a.notes()).contains("ticket_id given as a number; read as '123'");
    }

    @Test
    void csv_numericId_becomesString() {
        RawRecord record = RecordReadersTest.readAll(RecordReadersTest.open(
                "id,title,body,email\n123,T,D,a@example.com\n", InputFormat.CSV)).get(0);
        Ingested outcome = normalizer.normalize(record);
        assertThat(outcome).isInstanceOfSatisfying(Ingested.Accepted.class,
                a -> assertThat(a.ticket().ticketId()).isEqualTo("123"));
    }

    @Test
    void titleAndDescription_areWhitespaceCollapsedWithNote() {
        Ingested.Accepted a = accept(fields("title", "  Cannot \t log\nin ",
                "description", "line one\n\nline two"));
        assertThat(a.ticket().title()).isEqualTo("Cannot log in");
        assertThat(a.ticket().description()).isEqualTo("line one line two");
        assertThat(a.notes()).contains("title whitespace collapsed",
                "description whitespace collapsed");
    }

    @Test
    void cleanRecord_hasNoCollapseOrAliasNotes() {
        Ingested.Accepted a = accept(fields("category", "billing", "priority", "low",
                "created_at", "2026-11-20T10:00:00Z"));
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void email_isTrimmed() {
        assertThat(accept(fields("requester_email", "  ann@example.com ")).ticket()
                .requesterEmail()).isEqualTo("ann@example.com");
    }

    @ParameterizedTest
    @CsvSource({"tech, technical", "bill, billing", "error, bug", "TECH, technical",
        " Billing , billing", "Feature, feature"})
    void category_synonymsAndCase_areApplied(String input, String expected) {
        assertThat(accept(fields("category", input)).ticket().category()).isEqualTo(expected);
    }

    @Test
    void category_synonym_isNoted() {
        assertThat(accept(fields("category", "Tech")).notes())
                .contains("category 'tech' read as 'technical'");
    }

    @Test
    void category_unknown_routesToFallbackWithNote() {
        Ingested.Accepted a = accept(fields("category", "xyz"));
        assertThat(a.ticket().category()).isEqualTo("general");
        assertThat(a.notes())
                .contains("category 'xyz' is not a known category; set to the default 'general'");
    }

    @ParameterizedTest
    @CsvSource({"urgent, HIGH", "normal, MEDIUM", "URGENT, HIGH", "Critical, CRITICAL",
        "low, LOW"})
    void priority_synonymsAndCase_areApplied(String input, Priority expected) {
        assertThat(accept(fields("priority", input)).ticket().priority()).isEqualTo(expected);
    }

    @Test
    void priority_unknown_isErrorNamingAllowedValues() {
        assertThat(reject(fields("priority", "asap")).errors()).containsExactly(
                new FieldError("priority", "priority 'asap' is not one of critical, high,"
                        + " medium, low (or normal, urgent)"));
    }

    @Test
    void category_notAString_isError() {
        assertThat(errorMessages(fields("category", 5L)))
                .containsExactly("category must be a string, not a number '5'");
        assertThat(errorMessages(fields("category", Map.of("a", 1))))
                .containsExactly("category must be a string, not an object '{a=1}'");
    }

    @Test
    void priority_notAString_isError() {
        assertThat(errorMessages(fields("priority", 3L)))
                .containsExactly("priority must be a string, not a number '3'");
    }

    @Test
    void status_validValue_isKeptAndInvalidIsError() {
        assertThat(accept(fields("status", "In Progress")).ticket().status())
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(errorMessages(fields("status", "open"))).containsExactly(
                "status 'open' is not one of new, triaged, assigned, in_progress, resolved,"
                        + " closed, escalated");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-20T10:00:00Z, 2026-11-20T10:00:00Z",
        "2026-11-20T10:00:00.5Z, 2026-11-20T10:00:00.500Z",
        "2026-11-20T10:00:00, 2026-11-20T10:00:00Z",
        "2026-11-20, 2026-11-20T00:00:00Z",
        "2026-11-20T12:00:00+02:00, 2026-11-20T10:00:00Z",
        "2028-02-29T23:59:59.123456789Z, 2028-02-29T23:59:59.123456789Z",
        "2026-12-31T00:00:00.12, 2026-12-31T00:00:00.120Z",
    })
    void createdAt_isoForms_areAccepted(String input, Instant expected) {
        Ticket t = accept(fields("created_at", input)).ticket();
        assertThat(t.createdAt()).isEqualTo(expected);
        assertThat(t.updatedAt()).isEqualTo(expected);
    }

    @Test
    void updatedAt_isReadWhenGiven() {
        Ticket t = accept(fields("created_at", "2026-11-20", "updated_at",
                "2026-11-21T08:00:00Z")).ticket();
        assertThat(t.updatedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void timestamps_invalid_areErrors() {
        assertThat(reject(fields("created_at", "yesterday", "updated_at", 17L)).errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("created_at", "created_at 'yesterday'"
                                + " is not a timestamp such as 2026-11-20T10:00:00Z,"
                                + " 2026-11-20 10:00:00, 2026-11-20 10:00:00+02:00 or 2026-11-20"),
                        org.assertj.core.groups.Tuple.tuple("updated_at", "updated_at '17'"
                                + " is not a timestamp such as 2026-11-20T10:00:00Z,"
                                + " 2026-11-20 10:00:00, 2026-11-20 10:00:00+02:00 or 2026-11-20"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T10:00:00Z", "2026-11-20T25:00:00Z", "2026-13-01",
        "2026-02-29 10:00:00", "20261120", "2026-11-20T10", "2026-11-20 10:00:00 Mars/Olympus",
        "2026-11-20 10:00:00+25:00"})
    void createdAt_impossibleOrOtherForms_areErrors(String input) {
        assertThat(reject(fields("created_at", input)).errors())
                .extracting(FieldError::field).containsExactly("created_at");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2023-08-26 06:33:37|2023-08-26T06:33:37Z",
        "2023-08-26 06:33|2023-08-26T06:33:00Z",
        "2023-08-26 06:33:37.250|2023-08-26T06:33:37.250Z",
        "2023-08-26 06:33:37+02:00|2023-08-26T04:33:37Z",
        "2023-08-26 06:33:37 +0200|2023-08-26T04:33:37Z",
        "2023-08-26 06:33:37 UTC|2023-08-26T06:33:37Z",
        "2023-08-26T06:33:37 Europe/Paris|2023-08-26T04:33:37Z",
        "2023-08-26T06:33:37.5-05|2023-08-26T11:33:37.500Z",
        "2023-08-26|2023-08-26T00:00:00Z"})
    void createdAt_exportForms_areRead(String input, String expected) {
        assertThat(accept(fields("created_at", input)).ticket().createdAt())
                .isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2023-08-26 06:33:37|2023-08-26T04:33:37Z",
        "2023-08-26|2023-08-25T22:00:00Z",
        "2023-08-26 06:33:37Z|2023-08-26T06:33:37Z",
        "2023-08-26T06:33:37+01:00|2023-08-26T05:33:37Z"})
    void createdAt_withoutZone_isReadInTheConfiguredZone(String input, String expected) {
        IngestSettings paris = IngestConfig.settings(TriageConfig.defaults().toBuilder()
                .timeZone(ZoneId.of("Europe/Paris")).build());
        Ingested in = new TicketNormalizer(paris, Clock.fixed(NOW, ZoneOffset.UTC)).normalize(
                RawRecord.of(POS, fields("created_at", input), "{}"));
        assertThat(((Ingested.Accepted) in).ticket().createdAt())
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void tags_asList_areTrimmedDeduplicatedAndEmptiesDropped() {
        Ingested.Accepted a = accept(fields("tags", List.of(" vpn", "login", "", "vpn", "a, b")));
        assertThat(a.ticket().tags()).containsExactly("vpn", "login", "a", "b");
        assertThat(a.notes()).contains("duplicate tags dropped", "empty tags dropped");
    }

    @Test
    void tags_asCommaSeparatedString_areSplit() {
        assertThat(accept(fields("tags", " vpn , login,,vpn, ")).ticket().tags())
                .containsExactly("vpn", "login");
    }

    @Test
    void tags_notStrings_isError() {
        assertThat(errorMessages(fields("tags", List.of(Map.of()))))
                .containsExactly("tags must be strings, not an object '{}'");
    }

    @Test
    void assignedTo_isTrimmedAndBlankIsUnassigned() {
        assertThat(accept(fields("assigned_to", " alice ")).ticket().assignedTo())
                .isEqualTo("alice");
        assertThat(accept(fields("assigned_to", " ")).ticket().assignedTo()).isNull();
    }

    @Test
    void score_inInput_isIgnoredWithNote() {
        Ingested.Accepted a = accept(fields("score", 0.9));
        assertThat(a.ticket().score()).isNull();
        assertThat(a.ticket().metadata()).isEmpty();
        assertThat(a.notes()).contains("input score '0.9' ignored; triage computes the score");
    }

    @Test
    void unknownKeys_goToMetadataInInputOrder_nestedMetadataMerged() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("zeta", 1L);
        f.putAll(fields());
        f.put("Customer Tier", "gold");
        f.put("metadata", Map.of("source", "web"));
        f.put("alpha", List.of("x"));
        Ticket t = accept(f).ticket();
        assertThat(t.metadata().keySet())
                .containsExactly("zeta", "customer_tier", "source", "alpha");
        assertThat(t.metadata()).containsEntry("zeta", 1L).containsEntry("source", "web")
                .containsEntry("alpha", List.of("x"));
    }

    @Test
    void ticketId_missing_isRequired() {
        assertThat(reject(fields("ticket_id", REMOVE)).errors())
                .containsExactly(new FieldError("ticket_id", "ticket_id is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc_1", "tkt-1", "TKT 1", "TKT_1"})
    void ticketId_badCharacters_isError(String id) {
        assertThat(errorMessages(fields("ticket_id", id))).containsExactly(
                "ticket_id '" + id + "' must contain only A-Z, 0-9 and '-'");
    }

    @Test
    void title_tooLong_isErrorWithLengthAndLimit() {
        assertThat(reject(fields("title", "x".repeat(245))).errors()).containsExactly(
                new FieldError("title", "title is 245 characters; the limit is 200"));
    }

    @Test
    void title_atLimit_isAccepted() {
        assertThat(accept(fields("title", "x".repeat(200))).ticket().title()).hasSize(200);
    }

    @Test
    void title_blankOrMissingOrNotText_isError() {
        assertThat(errorMessages(fields("title", " \t "))).containsExactly(
                "title is required and must not be blank");
        assertThat(errorMessages(fields("title", REMOVE))).containsExactly("title is required");
        assertThat(errorMessages(fields("title", List.of("a")))).containsExactly(
                "title must be a string, not a list '[a]'");
    }

    @Test
    void description_tooLongOrBlank_isError() {
        assertThat(errorMessages(fields("description", "y".repeat(10_001)))).containsExactly(
                "description is 10001 characters; the limit is 10000");
        assertThat(errorMessages(fields("description", ""))).containsExactly(
                "description is required and must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "ann", "@example.com", "ann@", "ann@example.c",
        "ann@@example.com", "ann smith@example.com", "ann@exa mple.com", "ann@example.c0m",
        "ann@.com"})
    void email_invalid_isError(String email) {
        assertThat(errorMessages(fields("requester_email", email))).containsExactly(
                "requester_email '" + email + "' is not a valid address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "a.b_c%d+e-f@mail-1.example.co.uk", "X@Y.IO"})
    void email_valid_isAccepted(String email) {
        assertThat(accept(fields("requester_email", email)).ticket().requesterEmail())
                .isEqualTo(email);
    }

    @Test
    void email_missing_isRequired() {
        assertThat(errorMessages(fields("requester_email", REMOVE)))
                .containsExactly("requester_email is required");
    }

    @Test
    void badValue_isQuotedAndCutAtSixtyCharacters() {
        String longId = "a".repeat(100);
        assertThat(errorMessages(fields("ticket_id", longId))).containsExactly(
                "ticket_id '" + "a".repeat(60) + "...' must contain only A-Z, 0-9 and '-'");
    }

    @Test
    void allErrorsOfARecord_areReportedTogether() {
        Rejection r = reject(Map.of("ticket_id", "bad id", "requester_email", "a@b",
                "priority", "asap", "status", "nope"));
        assertThat(r.errors()).extracting(FieldError::field).containsExactly(
                "ticket_id", "title", "description", "requester_email", "priority", "status");
        assertThat(r.position()).isEqualTo(POS);
        assertThat(r.raw()).isEqualTo("raw text");
    }

    @Test
    void parseError_isRejectedAsRecordError() {
        RawRecord bad = RawRecord.unparseable(POS, "{oops", "malformed JSON: x");
        Ingested outcome = normalizer.normalize(bad);
        assertThat(outcome).isInstanceOfSatisfying(Ingested.Rejected.class, r -> {
            assertThat(r.rejection().errors())
                    .containsExactly(new FieldError("record", "malformed JSON: x"));
            assertThat(r.rejection().raw()).isEqualTo("{oops");
            assertThat(r.position()).isEqualTo(POS);
        });
    }

    @Test
    void nullValues_countAsAbsent() {
        Map<String, Object> f = fields();
        f.put("category", null);
        f.put("priority", null);
        assertThat(accept(f).ticket().category()).isEqualTo("general");
    }

    @Test
    void textFormat_ticket_isAcceptedEndToEnd() {
        List<RawRecord> records = RecordReadersTest.readAll(RecordReadersTest.open(
                "id: TKT-5\nsubject: Hi\ndescription: one\ndescription: two\n"
                        + "email: a@example.com\ntype: tech\npriority: urgent\n",
                InputFormat.TEXT));
        Ingested.Accepted a = (Ingested.Accepted) normalizer.normalize(records.get(0));
        assertThat(a.ticket()).extracting(Ticket::ticketId, Ticket::description,
                Ticket::category, Ticket::priority)
                .containsExactly("TKT-5", "one two", "technical", Priority.HIGH);
    }
}
