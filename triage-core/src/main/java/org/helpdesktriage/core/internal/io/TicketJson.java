package org.helpdesktriage.core.internal.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.InputLimits;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;

/**
 * Converts tickets to and from their JSON form: an object with the thirteen {@link Ticket#FIELDS}
 * in that order, snake_case names, priority and status as lower-case ids, instants as ISO-8601
 * strings ({@code 2026-11-23T09:00:00Z}), {@code assigned_to} and {@code score} {@code null}
 * when unset.
 *
 * <p>Reading is strict: every one of the thirteen fields must be present, no other field is
 * allowed, and each value must have its type. A failure is a {@link TriageException} with
 * {@link ErrorCode#INPUT_UNREADABLE} whose message names the source and the field.
 *
 * <pre>{@code
 * String json = TicketJson.toJson(ticket);
 * Ticket back = TicketJson.fromJson(json, "tickets/TKT-1.json");
 * }</pre>
 */
public final class TicketJson {

    // reads within the store's limits, which are at least every input limit's ceiling, so a
    // ticket any configuration accepted reads back; floats are read exactly (see metadata)
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(InputLimits.storeReadConstraints()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final ObjectMapper TREE = new ObjectMapper();

    private TicketJson() {
    }

    /** Returns the ticket as a JSON object node, fields in output order. */
    public static ObjectNode toTree(Ticket t) {
        Objects.requireNonNull(t, "t");
        try {
            return (ObjectNode) TREE.readTree(write(t, false));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the ticket as compact JSON on one line. */
    public static String toJson(Ticket t) {
        return write(t, false);
    }

    /** Returns the ticket as indented JSON, the form the file store keeps. */
    public static String toPrettyJson(Ticket t) {
        return write(t, true);
    }

    /**
     * Writes the ticket as one JSON object to a generator, for streaming writers; the shape is
     * the one definition of a ticket's JSON, which results and the store share.
     */
    public static void write(JsonGenerator g, Ticket t) throws IOException {
        Objects.requireNonNull(g, "g");
        g.writeStartObject();
        g.writeStringField("ticket_id", t.ticketId());
        g.writeStringField("title", t.title());
        g.writeStringField("description", t.description());
        g.writeStringField("requester_email", t.requesterEmail());
        g.writeStringField("category", t.category());
        g.writeStringField("priority", t.priority().id());
        g.writeStringField("status", t.status().id());
        g.writeStringField("created_at", t.createdAt().toString());
        g.writeStringField("updated_at", t.updatedAt().toString());
        if (t.assignedTo() == null) {
            g.writeNullField("assigned_to");
        } else {
            g.writeStringField("assigned_to", t.assignedTo());
        }
        g.writeArrayFieldStart("tags");
        for (String tag : t.tags()) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeFieldName("metadata");
        writeMap(g, t.metadata());
        if (t.score() == null) {
            g.writeNullField("score");
        } else {
            g.writeNumberField("score", round(t.score()));
        }
        g.writeEndObject();
    }


    private static String write(Ticket t, boolean pretty) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads a ticket from JSON bytes (UTF-8).
     *
     * @param source names where the bytes came from, for messages (a file name)
     * @throws TriageException with {@link ErrorCode#INPUT_UNREADABLE} naming the source and the
     *     problem when the bytes are not one valid ticket object
     */
    public static Ticket fromJson(byte[] json, String source) {
        Objects.requireNonNull(json, "json");
        return fromJson(new String(json, StandardCharsets.UTF_8), source);
    }

    /** Reads a ticket from a JSON string; see {@link #fromJson(byte[], String)}. */
    public static Ticket fromJson(String json, String source) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw bad(source, "is not valid JSON: " + e.getOriginalMessage());
        }
        return fromTree(node, source);
    }

    /** Reads a ticket from a parsed JSON tree; see {@link #fromJson(byte[], String)}. */
    public static Ticket fromTree(JsonNode node, String source) {
        Objects.requireNonNull(source, "source");
        if (node == null || !node.isObject()) {
            throw bad(source, "is not a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!Ticket.FIELDS.contains(name)) {
                throw bad(source, "has unknown field '" + name + "'");
            }
        }
        for (String f : Ticket.FIELDS) {
            if (!node.has(f)) {
                throw bad(source, "lacks field '" + f + "'");
            }
        }
        try {
            return new Ticket(
                    text(node, "ticket_id", source, false),
                    text(node, "title", source, false),
                    text(node, "description", source, false),
                    text(node, "requester_email", source, false),
                    text(node, "category", source, false),
                    Priority.parse(text(node, "priority", source, false))
                            .orElseThrow(() -> bad(source, "field 'priority' has unknown value '"
                                    + node.get("priority").asText() + "'")),
                    Status.parse(text(node, "status", source, false))
                            .orElseThrow(() -> bad(source, "field 'status' has unknown value '"
                                    + node.get("status").asText() + "'")),
                    instant(node, "created_at", source),
                    instant(node, "updated_at", source),
                    text(node, "assigned_to", source, true),
                    tags(node, source),
                    metadata(node, source),
                    score(node, source));
        } catch (IllegalArgumentException e) {
            throw bad(source, "is not a valid ticket: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String source, boolean nullable) {
        JsonNode v = node.get(field);
        if (v.isNull() && nullable) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(source, "field '" + field + "' must be a string, not " + v.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT));
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode node, String field, String source) {
        String text = text(node, field, source, false);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(source, "field '" + field + "' is not an ISO-8601 instant: '" + text + "'");
        }
    }

    private static List<String> tags(JsonNode node, String source) {
        JsonNode v = node.get("tags");
        if (!v.isArray()) {
            throw bad(source, "field 'tags' must be an array of strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : v) {
            if (!tag.isTextual()) {
                throw bad(source, "field 'tags' must be an array of strings");
            }
            tags.add(tag.textValue());
        }
        return tags;
    }

    private static Map<String, Object> metadata(JsonNode node, String source) {
        JsonNode v = node.get("metadata");
        if (!v.isObject()) {
            throw bad(source, "field 'metadata' must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(v);
        return map;
    }

    /**
     * Returns a JSON object (read with {@code USE_BIG_DECIMAL_FOR_FLOATS}, as the store reads)
     * as the plain values the input readers make: maps, lists, strings, numbers, booleans and
     * {@code null}, a float a {@code Double} or, past the double range, a {@code BigDecimal}
     * (as {@code 1e999} is read on input), so what was stored reads back equal.
     *
     * @throws IllegalArgumentException when {@code object} is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        return (Map<String, Object>) plain(object);
    }

    private static Object plain(JsonNode v) {
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            v.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (v.isFloatingPointNumber()) {
            double d = Double.parseDouble(v.decimalValue().toString());
            return Double.isFinite(d) ? (Object) d : v.decimalValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return null;
    }

    private static Double score(JsonNode node, String source) {
        JsonNode v = node.get("score");
        if (v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw bad(source, "field 'score' must be a number or null");
        }
        return Double.parseDouble(v.asText());
    }

    private static TriageException bad(String source, String problem) {
        return new TriageException(ErrorCode.INPUT_UNREADABLE, source + " " + problem);
    }

    private static void writeMap(JsonGenerator g, Map<String, Object> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    /**
     * Writes a metadata value: strings, numbers, booleans, {@code null}, and lists and maps of
     * them, as JSON.
     */
    @SuppressWarnings("unchecked")
    public static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m) {
            writeMap(g, (Map<String, Object>) m);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            // numbers, booleans and anything else Jackson knows how to write
            g.writeObject(v);
        }
    }

    /** Rounds to six decimals so scores print without binary noise (0.58 not 0.5800000001). */
    private static double round(double d) {
        return Math.round(d * 1e6) / 1e6;
    }
}
