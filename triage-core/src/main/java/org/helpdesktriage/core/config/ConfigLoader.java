package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.escalation.EscalationPolicy;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.scoring.ScoringConfig;
import org.helpdesktriage.core.sla.SlaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link TriageConfig} from layers, each overriding the one before: built-in defaults,
 * a {@code config.json} file, {@code HELPDESK_*} environment variables, explicit overrides.
 *
 * <pre>{@code
 * TriageConfig config = ConfigLoader.load(Optional.of(Path.of("config.json")),
 *         System.getenv(), Map.of("escalation_threshold_hours", "12"));
 * }</pre>
 *
 * <p>Top-level keys of the file replace the defaults' keys whole ({@code rules} replaces the
 * default rules; {@code "rules": []} removes them), except {@code scoring} and {@code synonyms},
 * whose keys are merged one level down. Every scalar key can be set from the environment as
 * {@code HELPDESK_} plus the key in upper case ({@code HELPDESK_CACHE_TTL});
 * {@code HELPDESK_ESCALATION_THRESHOLD} is also read, as in the original service. An unreadable
 * file, invalid JSON, an unknown key or a bad value is a {@link TriageException} with code
 * {@link ErrorCode#CONFIG_INVALID} that names the file, the key and, for JSON, the line.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    /** Scalar keys that environment variables and overrides may set, with their types. */
    public static final Map<String, Class<?>> SCALAR_KEYS = scalarKeys();

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> MERGED_SECTIONS = Set.of("scoring", "synonyms", "sla");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final String DEFAULTS_RESOURCE = "default-config.json";
    private static final String BUILT_IN = "the built-in defaults";
    private static final TriageConfig DEFAULTS = build(defaultsTree(), Map.of());

    private ConfigLoader() {
    }

    /** Returns the built-in defaults. */
    static TriageConfig builtInDefaults() {
        return DEFAULTS;
    }

    /** Loads {@code file} over the built-in defaults, then applies the process environment. */
    public static TriageConfig load(Path file) {
        return load(Optional.of(file), System.getenv(), Map.of());
    }

    /**
     * Loads a configuration from its layers.
     *
     * @param file the configuration file, or empty for built-in defaults only
     * @param environment the environment; only {@code HELPDESK_*} variables are read
     * @param overrides key to value, applied last (the command line's flags)
     * @return the configuration
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} on any problem
     */
    public static TriageConfig load(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(overrides, "overrides");
        ObjectNode tree = defaultsTree();
        Map<String, String> origins = new LinkedHashMap<>();
        tree.fieldNames().forEachRemaining(k -> origins.put(k, BUILT_IN));
        if (file.isPresent()) {
            Path path = file.get();
            ObjectNode fileTree = readFile(path);
            fileTree.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode existing = tree.get(key);
                if (MERGED_SECTIONS.contains(key) && existing instanceof ObjectNode section
                        && e.getValue() instanceof ObjectNode fileSection) {
                    section.setAll(fileSection);
                } else {
                    tree.set(key, e.getValue());
                }
                origins.put(key, path.toString());
            });
            if (fileTree.has("categories") && !fileTree.path("synonyms").has("category")) {
                keepSynonymsOfKnownCategories(tree);
            }
        }
        for (String key : SCALAR_KEYS.keySet()) {
            String var = "HELPDESK_" + key.toUpperCase(Locale.ROOT);
            String value = environment.get(var);
            if (value == null && key.equals("escalation_threshold_hours")) {
                var = "HELPDESK_ESCALATION_THRESHOLD";
                value = environment.get(var);
            }
            if (value != null) {
                setScalar(tree, key, value, "environment variable " + var);
                origins.put(key, "environment variable " + var);
            }
        }
        overrides.forEach((key, value) -> {
            if (!SCALAR_KEYS.containsKey(key)) {
                throw invalid("override '" + key + "' is not a configuration key; known keys: "
                        + String.join(", ", SCALAR_KEYS.keySet()));
            }
            setScalar(tree, key, value, "option for '" + key + "'");
            origins.put(key, "the command line");
        });
        TriageConfig config = build(tree, origins);
        LOG.info("configuration loaded from {}", String.join(" < ",
                new LinkedHashSet<>(origins.values())));
        return config;
    }

    /** Returns a canonical JSON rendering of the file layer, for fingerprints and display. */
    public static String canonicalJson(TriageConfig config) {
        return ConfigFingerprint.canonicalJson(config);
    }

    /**
     * Returns a configuration's fingerprint: the hex SHA-256 of its canonical JSON and, when a
     * classifier is configured, of its model file ({@link ConfigFingerprint#of(TriageConfig)}).
     * Two configurations that triage alike have the same fingerprint.
     */
    public static String fingerprint(TriageConfig config) {
        return ConfigFingerprint.of(config);
    }

    private static ObjectNode readFile(Path path) {
        String name = path.toString();
        try {
            JsonNode tree;
            try (InputStream in = Files.newInputStream(path)) {
                tree = MAPPER.readTree(in);
            }
            if (!(tree instanceof ObjectNode object)) {
                throw invalid(name + ": the configuration must be a JSON object");
            }
            // a typed pass gives the line of an unknown key or a value of the wrong type
            MAPPER.readerFor(ConfigFile.class).readValue(path.toFile());
            return object;
        } catch (NoSuchFileException e) {
            throw invalid(name + ": configuration file not found");
        } catch (UnrecognizedPropertyException e) {
            throw invalid(name + " line " + lineOfKey(path, e) + ": unknown key '"
                    + e.getPropertyName() + "' at " + jsonPath(e)
                    + "; see docs/configuration.md for the known keys", e);
        } catch (JsonMappingException e) {
            throw invalid(name + " line " + line(e.getLocation()) + ": bad value at "
                    + jsonPath(e) + ": " + ConfigProblems.describe(e), e);
        } catch (JsonProcessingException e) {
            throw invalid(name + " line " + line(e.getLocation()) + ": invalid JSON: "
                    + ConfigProblems.describe(e), e);
        } catch (IOException e) {
            throw invalid(name + ": cannot read the configuration file: " + e.getMessage(), e);
        }
    }

    // the built-in synonyms name the built-in categories; with categories of its own, a file
    // keeps only those built-in synonyms whose target it still has
    private static void keepSynonymsOfKnownCategories(ObjectNode tree) {
        JsonNode categories = tree.path("categories");
        JsonNode synonyms = tree.path("synonyms").path("category");
        if (synonyms instanceof ObjectNode s) {
            List<String> stale = new java.util.ArrayList<>();
            s.fields().forEachRemaining(e -> {
                if (!categories.has(e.getValue().asText().trim().toLowerCase(Locale.ROOT))) {
                    stale.add(e.getKey());
                }
            });
            s.remove(stale);
        }
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

    // the line of a key path in the file that gave a section; null for the built-in defaults
    private static Function<JsonPointer, String> lineFinder(Map<String, String> origins,
            String key) {
        String origin = origins.get(key);
        if (origin == null || origin.equals(BUILT_IN)) {
            return null;
        }
        Path file = Path.of(origin);
        return pointer -> lineOf(file, pointer);
    }

    private static String lineOf(Path file, JsonPointer target) {
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

    private static String line(JsonLocation location) {
        return location == null ? "?" : String.valueOf(location.getLineNr());
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static void setScalar(ObjectNode tree, String key, String raw, String origin) {
        Class<?> type = SCALAR_KEYS.get(key);
        String value = raw.trim();
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            if (type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                tree.set(key, f.booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT))));
            } else if (type == Long.class) {
                tree.set(key, f.numberNode(Long.parseLong(value)));
            } else if (type == Double.class) {
                tree.set(key, f.numberNode(Double.parseDouble(value)));
            } else {
                tree.set(key, f.textNode(value));
            }
        } catch (IllegalArgumentException e) {
            String expected = type == Boolean.class ? "true or false"
                    : type == Long.class ? "a whole number" : "a number";
            throw invalid(origin + ": '" + raw + "' is not a valid value of " + key
                    + " (expected " + expected + ")");
        }
    }

    private static ObjectNode defaultsTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + DEFAULTS_RESOURCE + " is missing");
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TriageConfig build(ObjectNode tree, Map<String, String> origins) {
        tree.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                throw invalid(origin(origins, e.getKey()) + ": " + e.getKey()
                        + " is null; give it a value, or leave the key out to keep its default");
            }
        });
        ConfigFile c;
        try {
            c = MAPPER.treeToValue(tree, ConfigFile.class);
        } catch (JsonMappingException e) {
            String key = e.getPath().isEmpty() ? "?" : e.getPath().get(0).getFieldName();
            throw invalid(origin(origins, key) + ": bad value at " + jsonPath(e) + ": "
                    + ConfigProblems.describe(e), e);
        } catch (JsonProcessingException e) {
            throw invalid("configuration: " + ConfigProblems.describe(e), e);
        }
        try {
            Categories categories = new Categories(c.categories(), c.defaultCategory());
            Map<String, String> categorySynonyms = new LinkedHashMap<>();
            Map<String, Priority> prioritySynonyms = new LinkedHashMap<>();
            if (c.synonyms() != null) {
                orEmpty(c.synonyms().category()).forEach((k, v) -> {
                    String target = v.trim().toLowerCase(Locale.ROOT);
                    check(categories.contains(target), origins, "synonyms", "category synonym '"
                            + k + "' maps to '" + v + "', which is not a category");
                    categorySynonyms.put(k.trim().toLowerCase(Locale.ROOT), target);
                });
                orEmpty(c.synonyms().priority()).forEach((k, v) ->
                        prioritySynonyms.put(k.trim().toLowerCase(Locale.ROOT),
                                priority(v, origins, "synonyms")));
            }
            ConfigFile.Scoring s = c.scoring();
            ScoringConfig scoring = new ScoringConfig(orEmpty(s.weights()),
                    s.urgencyKeywords() == null ? List.of() : s.urgencyKeywords(),
                    s.pointsPerKeyword() == null ? 2 : s.pointsPerKeyword(),
                    s.urgencyCap() == null ? 10 : s.urgencyCap());
            String storeType = c.storeType().trim().toLowerCase(Locale.ROOT);
            check(storeType.equals("memory") || storeType.equals("file")
                    || storeType.equals("postgres"), origins, "store_type",
                    "store_type '" + c.storeType() + "' is not one of memory, file, postgres");
            String logLevel = c.logLevel().trim().toUpperCase(Locale.ROOT);
            check(LOG_LEVELS.contains(logLevel), origins, "log_level", "log_level '"
                    + c.logLevel() + "' is not one of " + String.join(", ", LOG_LEVELS));
            check(c.cacheTtl() >= 0, origins, "cache_ttl",
                    "cache_ttl must be >= 0 seconds, got " + c.cacheTtl());
            MatchMode mode = MatchMode.parse(c.matchMode()).orElseThrow(() -> invalid(
                    origin(origins, "match_mode") + ": match_mode '" + c.matchMode()
                            + "' is not one of first, all"));
            SlaSettings sla = SlaConfigReader.read(c.sla(), origin(origins, "sla"),
                    lineFinder(origins, "sla"), categories);
            SlaConfigReader.checkRuleActions(c.rules() == null ? List.of() : c.rules(), sla,
                    origin(origins, "rules"), lineFinder(origins, "rules"));
            return new TriageConfig(categories, c.rules() == null ? List.of() : c.rules(), mode,
                    scoring,
                    new EscalationPolicy(c.escalationThresholdHours(), c.autoEscalateCritical()),
                    c.maxTicketTitleLength(), c.maxTicketDescriptionLength(),
                    priority(c.defaultPriority(), origins, "default_priority"),
                    categorySynonyms, prioritySynonyms, storeType, Path.of(c.storePath()),
                    c.cacheEnabled(), Duration.ofSeconds(c.cacheTtl()), logLevel,
                    classifier(c.classifier(), origins), ConfigLimits.of(c, origins),
                    c.storeUrl(), c.dbPasswordFile() == null || c.dbPasswordFile().isBlank()
                            ? null : Path.of(c.dbPasswordFile()),
                    timeZone(c.inputTimeZone(), origins), sla);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("configuration (" + String.join(", ", distinct(origins)) + "): "
                    + ConfigProblems.describe(e), e);
        }
    }

    // a relative model path is taken from the directory of the file that names it, so a
    // configuration and its model can move together
    private static ClassifierPolicy classifier(ConfigFile.Classifier c,
            Map<String, String> origins) {
        if (c == null || c.model() == null) {
            return null;
        }
        Path model = Path.of(c.model());
        String origin = origins.get("classifier");
        if (!model.isAbsolute() && origin != null && origin.endsWith(".json")) {
            Path dir = Path.of(origin).toAbsolutePath().getParent();
            model = dir.resolve(model).normalize();
        }
        ClassifierPolicy.Decision decision = ClassifierPolicy.Decision.RULES_FIRST;
        if (c.policy() != null) {
            decision = ClassifierPolicy.Decision.parse(c.policy()).orElseThrow(() -> invalid(
                    origin(origins, "classifier") + ": classifier.policy '" + c.policy()
                            + "' is not one of rules_first, model_first, rules_override"));
        }
        return new ClassifierPolicy(model, c.minConfidence() == null ? 0.8 : c.minConfidence(),
                c.reviewTeam(), decision);
    }

    private static ZoneId timeZone(String value, Map<String, String> origins) {
        try {
            return ZoneId.of(value.trim());
        } catch (java.time.DateTimeException e) {
            throw invalid(origin(origins, "input_time_zone") + ": input_time_zone '" + value
                    + "' is not a time zone (UTC, +02:00, Europe/Paris)");
        }
    }

    private static List<String> distinct(Map<String, String> origins) {
        return origins.values().stream().distinct().collect(Collectors.toList());
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static Priority priority(String value, Map<String, String> origins, String key) {
        return Priority.parse(value).orElseThrow(() -> invalid(origin(origins, key) + ": " + key
                + " value '" + value + "' is not a priority (critical, high, medium, low)"));
    }

    private static void check(boolean ok, Map<String, String> origins, String key, String msg) {
        if (!ok) {
            throw invalid(origin(origins, key) + ": " + msg);
        }
    }

    private static String origin(Map<String, String> origins, String key) {
        return origins.getOrDefault(key, "configuration");
    }

    private static TriageException invalid(String message) {
        return new TriageException(ErrorCode.CONFIG_INVALID, message);
    }

    private static TriageException invalid(String message, Throwable cause) {
        return new TriageException(ErrorCode.CONFIG_INVALID, message, cause);
    }

    private static Map<String, Class<?>> scalarKeys() {
        Map<String, Class<?>> keys = new LinkedHashMap<>();
        keys.put("store_type", String.class);
        keys.put("store_path", String.class);
        keys.put("cache_enabled", Boolean.class);
        keys.put("cache_ttl", Long.class);
        keys.put("escalation_threshold_hours", Double.class);
        keys.put("auto_escalate_critical", Boolean.class);
        keys.put("max_ticket_title_length", Long.class);
        keys.put("max_ticket_description_length", Long.class);
        keys.put("default_priority", String.class);
        keys.put("log_level", String.class);
        keys.put("match_mode", String.class);
        keys.put("default_category", String.class);
        keys.put("max_record_length", Long.class);
        keys.put("max_field_length", Long.class);
        keys.put("max_key_length", Long.class);
        keys.put("max_nesting_depth", Long.class);
        keys.put("max_keys", Long.class);
        keys.put("max_tags", Long.class);
        keys.put("min_timestamp", String.class);
        keys.put("max_timestamp", String.class);
        keys.put("store_url", String.class);
        keys.put("db_password_file", String.class);
        keys.put("input_time_zone", String.class);
        return java.util.Collections.unmodifiableMap(keys);
    }
}
