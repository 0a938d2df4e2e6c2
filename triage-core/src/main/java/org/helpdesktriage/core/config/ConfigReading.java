package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON file of the configuration (the configuration itself, or a rule file) and checks
 * its shape against the record it binds to: unknown keys and values of the wrong type, each
 * reported with the file, its line and its key path. Loading stops at the first; validating
 * reports every one and returns the pointers of the values it had to leave out.
 */
final class ConfigReading {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * A file read: its tree, or {@code null} when it could not be read at all, and the pointers
     * of the values whose shape was wrong (only when problems are collected).
     */
    record Read(ObjectNode tree, List<JsonPointer> badValues) {
    }

    private ConfigReading() {
    }

    /** Reads {@code path}, which must be a JSON object of the shape {@code shape}. */
    static Read read(Path path, Class<?> shape, Problems problems) {
        String name = path.toString();
        JsonNode tree;
        try (InputStream in = Files.newInputStream(path)) {
            tree = MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            problems.report(name + ": " + (shape == RuleFile.class ? "rule" : "configuration")
                    + " file not found");
            return new Read(null, List.of());
        } catch (JsonProcessingException e) {
            problems.report(new org.helpdesktriage.core.error.TriageException(
                    org.helpdesktriage.core.error.ErrorCode.CONFIG_INVALID,
                    lined(name, line(e.getLocation())) + column(e.getLocation())
                    + ": invalid JSON (its content is not quoted here: the file may hold "
                    + "anything)", e));
            return new Read(null, List.of());
        } catch (IOException e) {
            problems.report(name + ": cannot read the file: " + e.getMessage());
            return new Read(null, List.of());
        }
        if (!(tree instanceof ObjectNode object)) {
            problems.report(name + ": the " + (shape == RuleFile.class
                    ? "rule file must be a JSON object with \"rules\""
                    : "configuration must be a JSON object"));
            return new Read(null, List.of());
        }
        List<JsonPointer> bad = new ArrayList<>();
        try {
            if (problems.collects()) {
                MAPPER.readerFor(shape).withHandler(new Collector(path, problems, bad))
                        .readValue(path.toFile());
            } else {
                MAPPER.readerFor(shape).readValue(path.toFile());
            }
        } catch (UnrecognizedPropertyException e) {
            problems.report(new org.helpdesktriage.core.error.TriageException(
                    org.helpdesktriage.core.error.ErrorCode.CONFIG_INVALID,
                    lined(name, lineOfKey(path, e)) + ": unknown key '" + e.getPropertyName() + "' at "
                    + jsonPath(e) + "; see docs/configuration.md for the known keys", e));
            bad.add(pointer(e));
        } catch (JsonMappingException e) {
            problems.report(new org.helpdesktriage.core.error.TriageException(
                    org.helpdesktriage.core.error.ErrorCode.CONFIG_INVALID,
                    lined(name, line(e.getLocation())) + ": bad value at " + jsonPath(e) + ": "
                    + ConfigProblems.describe(e), e));
            bad.add(pointer(e));
        } catch (IOException e) {
            problems.report(name + ": cannot read the file: " + e.getMessage());
            return new Read(null, List.of());
        }
        return new Read(object, bad);
    }

    /**
     * Collects every unknown key and wrong value of one typed pass, going on past each: the
     * value is skipped and bound as missing.
     */
    private static final class Collector extends DeserializationProblemHandler {
        private final Path file;
        private final Problems problems;
        private final List<JsonPointer> bad;

        Collector(Path file, Problems problems, List<JsonPointer> bad) {
            this.file = file;
            this.problems = problems;
            this.bad = bad;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
                throws IOException {
            JsonPointer at = valuePointer(p);
            p.skipChildren();
            bad.add(at);
            problems.report(lined(file.toString(), lineOr(at, p)) + ": unknown key '"
                    + propertyName
                    + "' at " + display(at) + "; see docs/configuration.md for the known keys");
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
                JsonToken t, JsonParser p, String failureMsg) throws IOException {
            JsonPointer at = valuePointer(p);
            p.skipChildren();
            bad.add(at);
            problems.report(lined(file.toString(), lineOr(at, p)) + ": bad value at "
                    + display(at) + ": expected "
                    + ConfigProblems.expected(targetType.getRawClass()));
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
                String valueToConvert, String failureMsg) throws IOException {
            return weird(ctxt.getParser(), targetType, valueToConvert);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
                Number valueToConvert, String failureMsg) throws IOException {
            return weird(ctxt.getParser(), targetType, valueToConvert);
        }

        private Object weird(JsonParser p, Class<?> targetType, Object value) {
            JsonPointer at = valuePointer(p);
            bad.add(at);
            problems.report(lined(file.toString(), lineOr(at, p)) + ": bad value at "
                    + display(at) + ": expected " + ConfigProblems.expected(targetType)
                    + ", got '" + value + "'");
            return null;
        }

        private String lineOr(JsonPointer at, JsonParser p) {
            String line = lineOf(file, at);
            return line != null ? line : line(p.currentTokenLocation());
        }
    }

    // the pointer of the value the parser stands on (a field's value, or an array element)
    private static JsonPointer valuePointer(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        if (p.currentToken() != null && p.currentToken().isStructStart()
                && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        return ctx.pathAsPointer();
    }

    /** Shows a pointer as the messages' key path: {@code $.rules[0].priority}. */
    static String display(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0 && p.getMatchingProperty().matches("\\d+")) {
                sb.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                sb.append('.').append(p.getMatchingProperty());
            }
        }
        return sb.toString();
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                p = p.appendProperty(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                p = p.appendIndex(ref.getIndex());
            }
        }
        return p;
    }

    static String jsonPath(JsonMappingException e) {
        return display(pointer(e));
    }

    // records bind through a creator, which reports an unknown key at the end of its object;
    // find the key's own line by scanning for it at its depth
    private static String lineOfKey(Path path, UnrecognizedPropertyException e) {
        int depth = e.getPath().size();
        try (JsonParser p = MAPPER.getFactory().createParser(path.toFile())) {
            int level = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) {
                    level++;
                } else if (t.isStructEnd()) {
                    level--;
                } else if (t == JsonToken.FIELD_NAME && level == depth
                        && p.currentName().equals(e.getPropertyName())) {
                    return String.valueOf(p.currentLocation().getLineNr());
                }
            }
        } catch (IOException ignored) {
            // fall back to the location Jackson gave
        }
        return line(e.getLocation());
    }

    /** Returns the line of the value at {@code target} in {@code file}, or {@code null}. */
    static String lineOf(Path file, JsonPointer target) {
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonStreamContext ctx = p.getParsingContext();
                if (t.isStructStart() && ctx.getParent() != null) {
                    ctx = ctx.getParent();
                }
                if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY
                        && ctx.pathAsPointer().equals(target)) {
                    return String.valueOf(p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the message goes out without a line
        }
        return null;
    }

    /** Returns the line of {@code location}, or {@code null} when Jackson does not know it. */
    static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? null
                : String.valueOf(location.getLineNr());
    }

    /** Returns ", column N" for {@code location}, or nothing when it is not known. */
    static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? ""
                : ", column " + location.getColumnNr();
    }

    /** Returns "FILE line N", or just "FILE" when the line is not known (never "line ?"). */
    static String lined(String file, String line) {
        return line == null ? file : file + " line " + line;
    }
}
