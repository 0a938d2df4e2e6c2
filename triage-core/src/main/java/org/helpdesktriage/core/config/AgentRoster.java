package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads agents: the {@code agents} key of a configuration (JSON objects) and an
 * {@code agents_file} (CSV with the header {@code id,name,email,teams,skills,capacity,calendar,
 * active}, lists separated by {@code ;}, or JSON: an array of the same objects). Every problem is
 * a message naming the file, the line and the field; reading goes on past it, so all are
 * reported at once.
 */
final class AgentRoster {

    /** The fields of an agent, in the CSV header's order. */
    static final List<String> FIELDS = List.of("id", "name", "email", "teams", "skills",
            "capacity", "calendar", "active");

    private static final Set<String> REQUIRED = Set.of("id", "teams", "capacity");

    /**
     * An agent as read, before the configuration's teams and calendars are checked.
     *
     * @param where the file and line, for messages ("agents.csv line 4")
     * @param values the fields as read: strings, lists of strings, an integer, a boolean
     */
    record Row(String where, Map<String, Object> values) {
    }

    private final List<String> problems;

    AgentRoster(List<String> problems) {
        this.problems = problems;
    }

    /** Reads the agents of a JSON array; {@code lineOf} finds a value's line, or is null. */
    List<Row> fromJson(JsonNode array, String origin, String key,
            Function<JsonPointer, String> lineOf) {
        List<Row> rows = new ArrayList<>();
        JsonPointer base = key == null ? JsonPointer.empty()
                : JsonPointer.empty().appendProperty(key);
        String prefix = key == null ? "" : key;
        if (!array.isArray()) {
            problems.add(origin + line(lineOf, base) + ": " + (key == null ? "the file"
                    : key) + " must be an array of agents, got " + array.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
            return rows;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonPointer at = base.appendIndex(i);
            String where = origin + line(lineOf, at);
            String path = prefix + "[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problems.add(where + ": " + path + " must be an object with "
                        + String.join(", ", REQUIRED));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String fieldWhere = origin + line(lineOf, at.appendProperty(f.getKey())) + ": "
                        + path + "." + f.getKey();
                Object value = jsonValue(f.getKey(), f.getValue(), fieldWhere);
                if (value != null) {
                    values.put(f.getKey(), value);
                }
            }
            rows.add(new Row(where + ": " + path, values));
        }
        return rows;
    }

    /** Reads an agents file: CSV by its header, or JSON when it starts with {@code [}. */
    List<Row> fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            problems.add(file + ": agents_file is not UTF-8 text");
            return List.of();
        } catch (IOException e) {
            problems.add(file + ": agents_file cannot be read: " + (e instanceof
                    java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
            return List.of();
        }
        String start = text.stripLeading();
        if (start.startsWith("[") || start.startsWith("{")) {
            JsonNode tree;
            try {
                tree = ConfigReading.MAPPER.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                String line = ConfigReading.line(e.getLocation());
                problems.add(file + (line == null ? "" : " line " + line)
                        + ": agents_file is not valid JSON: " + e.getOriginalMessage());
                return List.of();
            }
            if (tree.isObject() && tree.has("agents")) {
                return fromJson(tree.get("agents"), file.toString(), "agents",
                        p -> ConfigReading.lineOf(file, p));
            }
            return fromJson(tree, file.toString(), null, p -> ConfigReading.lineOf(file, p));
        }
        return fromCsv(file, text);
    }

    private List<Row> fromCsv(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader in = new java.io.StringReader(text);
                MappingIterator<String[]> it = mapper.readerFor(String[].class)
                        .with(CsvSchema.emptySchema()).readValues(in)) {
            if (!it.hasNext()) {
                problems.add(file + ": agents_file is empty; it needs the header "
                        + String.join(",", FIELDS));
                return rows;
            }
            List<String> header = Arrays.stream(it.next()).map(h -> h.trim()
                    .toLowerCase(Locale.ROOT)).toList();
            boolean ok = true;
            for (String h : header) {
                if (!FIELDS.contains(h)) {
                    problems.add(file + " line 1: unknown column '" + h + "'; the columns are "
                            + String.join(",", FIELDS));
                    ok = false;
                }
            }
            for (String r : REQUIRED) {
                if (!header.contains(r)) {
                    problems.add(file + " line 1: column '" + r + "' is missing; the header is "
                            + String.join(",", FIELDS));
                    ok = false;
                }
            }
            if (!ok) {
                return rows;
            }
            while (it.hasNext()) {
                int line = it.getCurrentLocation().getLineNr();
                String[] cells = it.next();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                String where = file + " line " + line;
                if (cells.length != header.size()) {
                    problems.add(where + ": " + cells.length + " cells, but the header has "
                            + header.size() + " columns");
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    Object v = csvValue(header.get(i), cells[i].trim(), where + ": "
                            + header.get(i));
                    if (v != null) {
                        values.put(header.get(i), v);
                    }
                }
                rows.add(new Row(where, values));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": agents_file is not valid CSV: " + e.getMessage());
        }
        return rows;
    }

    private Object csvValue(String field, String cell, String where) {
        if (cell.isEmpty()) {
            return null;
        }
        switch (field) {
            case "teams":
            case "skills":
                return Arrays.stream(cell.split(";")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
            case "capacity":
                try {
                    return Integer.parseInt(cell);
                } catch (NumberFormatException e) {
                    problems.add(where + " '" + cell + "' is not a whole number");
                    return null;
                }
            case "active":
                return bool(cell, where);
            default:
                return cell;
        }
    }

    private Object jsonValue(String field, JsonNode value, String where) {
        if (!FIELDS.contains(field)) {
            problems.add(where + " is not a field of an agent; the fields are "
                    + String.join(", ", FIELDS));
            return null;
        }
        if (value.isNull()) {
            return null;
        }
        switch (field) {
            case "teams":
            case "skills":
                if (value.isTextual()) {
                    return csvValue(field, value.asText().trim(), where);
                }
                if (!value.isArray()) {
                    problems.add(where + " must be a list of names");
                    return null;
                }
                List<String> names = new ArrayList<>();
                for (JsonNode n : value) {
                    if (!n.isTextual() || n.asText().isBlank()) {
                        problems.add(where + " holds " + n + ", which is not a name");
                    } else {
                        names.add(n.asText().trim());
                    }
                }
                return names;
            case "capacity":
                if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
                    problems.add(where + " " + value + " is not a whole number");
                    return null;
                }
                return value.asInt();
            case "active":
                if (value.isBoolean()) {
                    return value.asBoolean();
                }
                return value.isTextual() ? bool(value.asText().trim(), where) : badBool(value,
                        where);
            default:
                if (!value.isTextual()) {
                    problems.add(where + " must be a string, got " + value);
                    return null;
                }
                return value.asText().trim();
        }
    }

    private Object bool(String cell, String where) {
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1": case "y":
                return Boolean.TRUE;
            case "false": case "no": case "0": case "n":
                return Boolean.FALSE;
            default:
                problems.add(where + " '" + cell + "' is not true or false");
                return null;
        }
    }

    private Object badBool(JsonNode value, String where) {
        problems.add(where + " " + value + " is not true or false");
        return null;
    }

    private static String line(Function<JsonPointer, String> lineOf, JsonPointer at) {
        String line = lineOf == null ? null : lineOf.apply(at);
        return line == null ? "" : " line " + line;
    }
}
