package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layers of a configuration merged into one tree: built-in defaults, the file (with the
 * rules of its rule files), {@code HELPDESK_*} variables, overrides. Remembers where each value
 * came from, for messages and for {@code config show --sources}.
 */
final class ConfigLayers {

    static final String BUILT_IN = "the built-in defaults";
    static final String COMMAND_LINE = "the command line";
    static final Set<String> MERGED_SECTIONS = Set.of("scoring", "synonyms", "sla");
    private static final String DEFAULTS_RESOURCE = "default-config.json";

    final ObjectNode tree;
    final Path file;
    /** Top-level key to where its value came from. */
    final Map<String, String> origins = new LinkedHashMap<>();
    /** Second-level keys of the merged sections ("scoring.weights") the file gave. */
    final Map<String, String> sectionOrigins = new LinkedHashMap<>();
    /** Where each rule of {@code tree.rules} is written, in order. */
    final List<RuleFiles.Source> ruleSources = new ArrayList<>();

    private ConfigLayers(ObjectNode tree, Path file) {
        this.tree = tree;
        this.file = file;
    }

    /** Merges the layers; a file that cannot be read at all gives {@code null}. */
    static ConfigLayers merge(Optional<Path> file, Map<String, String> environment,
            Map<String, String> overrides, Problems problems) {
        ConfigLayers layers = new ConfigLayers(defaultsTree(), file.orElse(null));
        ObjectNode tree = layers.tree;
        tree.remove("$schema");
        tree.fieldNames().forEachRemaining(k -> layers.origins.put(k, BUILT_IN));
        JsonNode defaultRules = tree.path("rules");
        for (int i = 0; i < defaultRules.size(); i++) {
            layers.ruleSources.add(new RuleFiles.Source(BUILT_IN, null, i));
        }
        if (file.isPresent() && !layers.mergeFile(file.get(), problems)) {
            return null;
        }
        for (String key : ConfigLoader.SCALAR_KEYS.keySet()) {
            String var = "HELPDESK_" + key.toUpperCase(Locale.ROOT);
            String value = environment.get(var);
            if (value == null && key.equals("escalation_threshold_hours")) {
                var = "HELPDESK_ESCALATION_THRESHOLD";
                value = environment.get(var);
            }
            if (value != null) {
                String origin = "environment variable " + var;
                String v = value;
                problems.check(() -> {
                    setScalar(tree, key, v, origin);
                    layers.origins.put(key, origin);
                });
            }
        }
        overrides.forEach((key, value) -> problems.check(() -> {
            if (!ConfigLoader.SCALAR_KEYS.containsKey(key)) {
                throw ConfigLoader.invalid("override '" + key + "' is not a configuration key;"
                        + " known keys: " + String.join(", ", ConfigLoader.SCALAR_KEYS.keySet()));
            }
            setScalar(tree, key, value, "option for '" + key + "'");
            layers.origins.put(key, COMMAND_LINE);
        }));
        return layers;
    }

    private boolean mergeFile(Path path, Problems problems) {
        ConfigReading.Read read = ConfigReading.read(path, ConfigFile.class, problems);
        ObjectNode fileTree = read.tree();
        if (fileTree == null) {
            return false;
        }
        fileTree.remove("$schema");
        // validating goes on past values of the wrong shape: they are left out (and reported)
        Set<Integer> badRules = new HashSet<>();
        for (JsonPointer bad : read.badValues()) {
            Optional<Integer> rule = RuleFiles.badRule(bad);
            if (rule.isPresent()) {
                badRules.add(rule.get());
            } else if (!bad.getMatchingProperty().isEmpty()) {
                fileTree.remove(bad.getMatchingProperty());
            }
        }
        JsonNode ruleFiles = fileTree.remove("rule_files");
        JsonNode own = fileTree.get("rules");
        // a null "rules" stays, for the check that names it
        if ((own == null || own.isArray()) && (own != null || ruleFiles != null)) {
            ArrayNode rules = JsonNodeFactory.instance.arrayNode();
            ruleSources.clear();
            JsonNode list = fileTree.path("rules");
            for (int i = 0; i < list.size(); i++) {
                if (!badRules.contains(i)) {
                    rules.add(list.get(i));
                    ruleSources.add(new RuleFiles.Source(path.toString(), path, i));
                }
            }
            if (ruleFiles != null) {
                List<RuleFileEntry> entries = new ArrayList<>();
                ruleFiles.forEach(e -> entries.add(e.isObject()
                        ? new RuleFileEntry(e.path("path").asText(null),
                                e.path("allow_outside").asBoolean(false))
                        : RuleFileEntry.of(e.asText(null))));
                RuleFiles.Loaded loaded = RuleFiles.read(path, entries, problems);
                loaded.rules().forEach(rules::add);
                ruleSources.addAll(loaded.sources());
            }
            fileTree.set("rules", rules);
        }
        fileTree.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode existing = tree.get(key);
            if (MERGED_SECTIONS.contains(key) && existing instanceof ObjectNode section
                    && e.getValue() instanceof ObjectNode fileSection) {
                section.setAll(fileSection);
                fileSection.fieldNames().forEachRemaining(
                        sub -> sectionOrigins.put(key + "." + sub, path.toString()));
            } else {
                tree.set(key, e.getValue());
            }
            origins.put(key, path.toString());
        });
        if (fileTree.has("categories") && !fileTree.path("synonyms").has("category")) {
            keepSynonymsOfKnownCategories(tree);
        }
        return true;
    }

    /** Returns where {@code key} came from, with its line when it came from the file. */
    String origin(String key) {
        String origin = origins.getOrDefault(key, "configuration");
        if (file != null && origin.equals(file.toString())) {
            String line = ConfigReading.lineOf(file, JsonPointer.empty().appendProperty(key));
            return line == null ? origin : origin + " line " + line;
        }
        return origin;
    }

    /** Returns the line of a pointer in the file that gave {@code key}, or null. */
    java.util.function.Function<JsonPointer, String> lineFinder(String key) {
        String origin = origins.get(key);
        if (file == null || origin == null || !origin.equals(file.toString())) {
            return null;
        }
        return pointer -> ConfigReading.lineOf(file, pointer);
    }

    // the built-in synonyms name the built-in categories; with categories of its own, a file
    // keeps only those built-in synonyms whose target it still has
    private static void keepSynonymsOfKnownCategories(ObjectNode tree) {
        JsonNode categories = tree.path("categories");
        JsonNode synonyms = tree.path("synonyms").path("category");
        if (synonyms instanceof ObjectNode s) {
            List<String> stale = new ArrayList<>();
            s.fields().forEachRemaining(e -> {
                if (!categories.has(e.getValue().asText().trim().toLowerCase(Locale.ROOT))) {
                    stale.add(e.getKey());
                }
            });
            s.remove(stale);
        }
    }

    private static void setScalar(ObjectNode tree, String key, String raw, String origin) {
        Class<?> type = ConfigLoader.SCALAR_KEYS.get(key);
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
            throw ConfigLoader.invalid(origin + ": '" + raw + "' is not a valid value of " + key
                    + " (expected " + expected + ")");
        }
    }

    static ObjectNode defaultsTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + DEFAULTS_RESOURCE + " is missing");
            }
            return (ObjectNode) ConfigReading.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
