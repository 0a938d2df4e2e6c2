package org.helpdesktriage.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.helpdesktriage.core.config.ModuleSettings;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.classify.ClassifierModel;
import org.helpdesktriage.core.internal.classify.TextClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link TriageConfig} from layers, each overriding the one before: built-in defaults,
 * a {@code config.json} file (with the rules of the files its {@code rule_files} names),
 * {@code HELPDESK_*} environment variables, explicit overrides.
 *
 * <pre>{@code
 * TriageConfig config = ConfigLoader.load(Optional.of(Path.of("config.json")),
 *         System.getenv(), Map.of("escalation_threshold_hours", "12"));
 * List<String> problems = ConfigLoader.validate(Optional.of(Path.of("config.json")),
 *         System.getenv(), Map.of());
 * }</pre>
 *
 * <p>Top-level keys of the file replace the defaults' keys whole ({@code rules} replaces the
 * default rules; {@code "rules": []} removes them, and so does {@code rule_files}), except
 * {@code scoring}, {@code synonyms} and {@code sla}, whose keys are merged one level down. Every
 * scalar key can be set from the environment as {@code HELPDESK_} plus the key in upper case
 * ({@code HELPDESK_CACHE_TTL}); {@code HELPDESK_ESCALATION_THRESHOLD} is also read, as in the
 * original service. {@code $schema} (an editor's schema reference) is read and ignored. An
 * unreadable file, invalid JSON, an unknown key, a bad value or an invalid rule is a
 * {@link TriageException} with code {@link ErrorCode#CONFIG_INVALID} that names the file, the
 * key path and, for JSON, the line.
 *
 * <p>The keys that other modules own ({@link ModuleSettings#KEYS}: the store's, the log level)
 * are read from the same layers and carried in {@link TriageConfig#moduleSettings()} without a
 * meaning; the owners given to {@link #load(Optional, Map, Map, List)} and
 * {@link #validate(Optional, Map, Map, List)} check theirs where the core checks its own keys, so
 * that one load or validation reports every problem, each with its file, line and key:
 *
 * <pre>{@code
 * TriageConfig config = ConfigLoader.load(file, System.getenv(), Map.of(),
 *         StoreSettings.OWNERS); // triage-store's owners of store_type and store_path
 * }</pre>
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    /** Scalar keys that environment variables and overrides may set, with their types. */
    public static final Map<String, Class<?>> SCALAR_KEYS = scalarKeys();

    private static final TriageConfig DEFAULTS = ConfigBuild.build(
            ConfigLayers.merge(Optional.empty(), Map.of(), Map.of(), Problems.failFast()),
            Problems.failFast(), List.of());

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
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} on the first problem
     */
    public static TriageConfig load(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides) {
        return load(file, environment, overrides, List.of());
    }

    /**
     * Loads a configuration from its layers, as {@link #load(Optional, Map, Map)} does, with
     * {@code owners} checking the settings they own.
     *
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} on the first problem, the
     *     owners' included
     */
    public static TriageConfig load(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides, List<SettingOwner> owners) {
        List<SettingOwner> checked = List.copyOf(owners);
        ConfigLayers layers = layers(file, environment, overrides, Problems.failFast());
        TriageConfig config = ConfigBuild.build(layers, Problems.failFast(), checked);
        LOG.info("configuration loaded from {}", String.join(" < ",
                new LinkedHashSet<>(layers.origins.values())));
        return config;
    }

    /**
     * Checks a configuration from its layers and returns every problem found, each naming the
     * file, its line and the key path (empty: the configuration loads). Beyond what
     * {@link #load} checks, the classifier's model file is read and its labels checked against
     * the categories, as an engine built from the configuration would, and the candidate
     * configuration that {@code shadow} names is loaded, as {@code triage} would.
     *
     * <p>Every unknown key and wrong-typed value is reported, in the file and in each rule
     * file; such a value is then left out, and every check that does not depend on it still
     * runs, each rule on its own.
     */
    public static List<String> validate(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides) {
        return validate(file, environment, overrides, List.of());
    }

    /**
     * Checks a configuration as {@link #validate(Optional, Map, Map)} does, with {@code owners}
     * checking the settings they own; their problems are among the others, in the order the
     * keys are checked.
     */
    public static List<String> validate(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides, List<SettingOwner> owners) {
        List<SettingOwner> checked = List.copyOf(owners);
        Problems problems = Problems.collecting();
        ConfigLayers layers = layers(file, environment, overrides, problems);
        if (layers != null) {
            TriageConfig config = ConfigBuild.build(layers, problems, checked);
            if (config != null) {
                config.classifierPolicy().ifPresent(p -> problems.check(() -> {
                    TextClassifier model = ClassifierModel.load(p.model());
                    List<String> unknown = model.labels().stream()
                            .filter(l -> !config.categories().contains(l)).toList();
                    if (!unknown.isEmpty()) {
                        throw invalid(layers.origin("classifier") + ": classifier.model "
                                + p.model() + " predicts " + unknown + ", which are not "
                                + "configured categories " + config.categories().names());
                    }
                }));
                config.shadowSetting().ifPresent(p -> problems.check(() -> {
                    try {
                        load(Optional.of(p), environment, Map.of(), checked);
                    } catch (TriageException e) {
                        throw invalid(layers.origin("shadow") + ": shadow " + p
                                + " does not load: " + e.getMessage());
                    }
                }));
            }
        }
        return problems.found();
    }

    /**
     * Returns where each value of the effective configuration came from, for display: each
     * top-level key, each key of the merged sections ({@code scoring.weights}) and each rule
     * ({@code rules[3] (vip)}), to {@code default}, {@code file PATH line N},
     * {@code environment HELPDESK_X} or {@code command line}.
     *
     * @throws TriageException as {@link #load} does when the configuration does not load
     */
    public static Map<String, String> sources(Optional<Path> file,
            Map<String, String> environment, Map<String, String> overrides) {
        return sources(file, environment, overrides, List.of());
    }

    /**
     * Returns where each value came from, as {@link #sources(Optional, Map, Map)} does, with
     * {@code owners} checking the settings they own.
     */
    public static Map<String, String> sources(Optional<Path> file,
            Map<String, String> environment, Map<String, String> overrides,
            List<SettingOwner> owners) {
        ConfigLayers layers = layers(file, environment, overrides, Problems.failFast());
        ConfigBuild.build(layers, Problems.failFast(), List.copyOf(owners));
        Map<String, String> out = new LinkedHashMap<>();
        layers.tree.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (key.equals("rules")) {
                JsonNode rules = e.getValue();
                for (int i = 0; i < rules.size(); i++) {
                    RuleFiles.Source s = layers.ruleSources.get(i);
                    String where = s.file() == null ? "default" : "file " + s.file()
                            + lineSuffix(s.file(), s.pointer());
                    out.put("rules[" + i + "] (" + rules.get(i).path("id").asText() + ")",
                            where);
                }
            } else if (ConfigLayers.MERGED_SECTIONS.contains(key) && e.getValue().isObject()) {
                e.getValue().fieldNames().forEachRemaining(sub -> out.put(key + "." + sub,
                        describe(layers, key + "." + sub,
                                layers.sectionOrigins.get(key + "." + sub))));
            } else {
                out.put(key, describe(layers, key, layers.origins.get(key)));
            }
        });
        return out;
    }

    private static String describe(ConfigLayers layers, String key, String origin) {
        if (origin == null || origin.equals(ConfigLayers.BUILT_IN)) {
            return "default";
        }
        if (origin.equals(ConfigLayers.COMMAND_LINE)) {
            return "command line";
        }
        if (origin.startsWith("environment variable ")) {
            return "environment " + origin.substring("environment variable ".length());
        }
        com.fasterxml.jackson.core.JsonPointer pointer =
                com.fasterxml.jackson.core.JsonPointer.empty();
        for (String part : key.split("\\.")) {
            pointer = pointer.appendProperty(part);
        }
        return "file " + origin + lineSuffix(layers.file, pointer);
    }

    private static String lineSuffix(Path file, com.fasterxml.jackson.core.JsonPointer pointer) {
        String line = file == null ? null : ConfigReading.lineOf(file, pointer);
        return line == null ? "" : " line " + line;
    }

    private static ConfigLayers layers(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides, Problems problems) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(overrides, "overrides");
        return ConfigLayers.merge(file, environment, overrides, problems);
    }

    /**
     * Returns the effective configuration as JSON in the shape of {@code config.json}, for
     * display: every value, rules from rule files included, the other modules' settings as
     * their owners wrote them; never {@code store_url} nor {@code db_password_file}, which may
     * hold secrets.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode effectiveJson(
            TriageConfig config) {
        return ConfigJson.display(Objects.requireNonNull(config, "config"));
    }

    /** Returns the JSON Schema (draft 2020-12) of {@code config.json} and of rule files. */
    public static String schema() {
        try (java.io.InputStream in = ConfigLoader.class.getResourceAsStream(
                "config.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("config.schema.json is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns a canonical JSON rendering of the file layer, for fingerprints and display. */
    public static String canonicalJson(TriageConfig config) {
        return ConfigFingerprint.canonicalJson(config);
    }

    /**
     * Returns a configuration's fingerprint: the hex SHA-256 of its canonical JSON and, when a
     * classifier is configured, of its model file's content. Two configurations that triage
     * alike have the same fingerprint.
     */
    public static String fingerprint(TriageConfig config) {
        return ConfigFingerprint.of(config);
    }

    /**
     * Returns a configuration's fingerprint with a model of hash {@code modelSha256} in place of
     * the configured model file (for a model handed to the engine in code), or with no model
     * when it is {@code null}.
     */
    public static String fingerprint(TriageConfig config, String modelSha256) {
        return ConfigFingerprint.of(config, modelSha256);
    }

    /**
     * A module's claim on one of the {@link ModuleSettings#KEYS}: how its value is checked and
     * written canonically. Given to {@link ConfigLoader#load(java.util.Optional, java.util.Map,
     * java.util.Map, java.util.List)} or {@code validate}, it checks the merged value where the
     * core checks its own keys, so that its problem is reported with the file, the line and the
     * key, among the core's problems; the configuration then carries the canonical value.
     *
     * <pre>{@code
     * SettingOwner storeType = new SettingOwner("store_type", v -> StoreType.parse(v).id());
     * TriageConfig config = ConfigLoader.load(file, System.getenv(), Map.of(), List.of(storeType));
     * }</pre>
     *
     * @param key the key it owns, one of {@link ModuleSettings#KEYS}
     * @param canonical returns the canonical value of a value, or throws an
     *     {@link IllegalArgumentException} whose message names the key and says what is wrong
     */
    public record SettingOwner(String key, UnaryOperator<String> canonical) {

        /** Checks the arguments. */
        public SettingOwner {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(canonical, "canonical");
            if (!ModuleSettings.KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a setting the core carries "
                        + "for another module; those are " + ModuleSettings.KEYS);
            }
        }

        /**
         * Returns the canonical value of this key in {@code settings}, or empty when it has none.
         *
         * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} naming where the value came
         *     from and what is wrong with it
         */
        public Optional<String> read(ModuleSettings settings) {
            Objects.requireNonNull(settings, "settings");
            return settings.value(key).map(v -> {
                try {
                    return Objects.requireNonNull(canonical.apply(v), key);
                } catch (IllegalArgumentException e) {
                    throw new TriageException(ErrorCode.CONFIG_INVALID, settings.origin(key) + ": "
                            + ConfigProblems.describe(e), e);
                }
            });
        }
    }

    static TriageException invalid(String message) {
        return new TriageException(ErrorCode.CONFIG_INVALID, message);
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
        keys.put("shadow", String.class);
        keys.put("agents_file", String.class);
        return java.util.Collections.unmodifiableMap(keys);
    }
}
