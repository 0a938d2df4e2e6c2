package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.helpdesktriage.core.config.ConfigLoader.SettingOwner;
import org.helpdesktriage.core.assign.AssignmentSettings;
import org.helpdesktriage.core.config.ModuleSettings;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.escalation.EscalationService;
import org.helpdesktriage.core.internal.rules.RuleSet;
import org.helpdesktriage.core.model.Categories;
import org.helpdesktriage.core.model.InputLimits;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.route.PriorityMatrix;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.ScoringConfig;
import org.helpdesktriage.core.sla.SlaSettings;

/**
 * Turns merged layers into a {@link TriageConfig}, checking every value. Each key is one
 * check: loading stops at the first problem, validating reports it and goes on with the checks
 * that do not depend on it. Every rule is compiled here, so a mistake in one names its file, its
 * line and its key path.
 */
final class ConfigBuild {

    private final ConfigLayers layers;
    private final Problems problems;
    private final List<SettingOwner> owners;

    private ConfigBuild(ConfigLayers layers, Problems problems, List<SettingOwner> owners) {
        this.layers = layers;
        this.problems = problems;
        this.owners = owners;
    }

    /**
     * Returns the configuration, or {@code null} when validating found a problem; the owners
     * check the settings the core carries for other modules.
     */
    static TriageConfig build(ConfigLayers layers, Problems problems, List<SettingOwner> owners) {
        return new ConfigBuild(layers, problems, owners).build();
    }

    private TriageConfig build() {
        int before = problems.count();
        List<String> nulls = new ArrayList<>();
        layers.tree.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        for (String key : nulls) {
            problems.report(layers.origin(key) + ": " + key
                    + " is null; give it a value, or leave the key out to keep its default");
            layers.tree.set(key, ConfigLayers.defaultsTree().get(key));
        }
        ConfigFile c;
        try {
            c = ConfigReading.MAPPER.treeToValue(layers.tree, ConfigFile.class);
        } catch (JsonMappingException e) {
            String key = e.getPath().isEmpty() ? "?" : e.getPath().get(0).getFieldName();
            problems.report(new TriageException(org.helpdesktriage.core.error.ErrorCode
                    .CONFIG_INVALID, layers.origin(key) + ": bad value at "
                    + ConfigReading.jsonPath(e) + ": " + ConfigProblems.describe(e), e));
            return null;
        } catch (JsonProcessingException e) {
            problems.report("configuration: " + ConfigProblems.describe(e));
            return null;
        }
        Categories categories = step("categories",
                () -> new Categories(c.categories(), c.defaultCategory()), null);
        Map<String, String> categorySynonyms = new LinkedHashMap<>();
        Map<String, Priority> prioritySynonyms = new LinkedHashMap<>();
        if (c.synonyms() != null && categories != null) {
            orEmpty(c.synonyms().category()).forEach((k, v) -> step("synonyms", () -> {
                String target = v.trim().toLowerCase(Locale.ROOT);
                require(categories.contains(target), "synonyms", "category synonym '" + k
                        + "' maps to '" + v + "', which is not a category");
                categorySynonyms.put(k.trim().toLowerCase(Locale.ROOT), target);
                return null;
            }, null));
            orEmpty(c.synonyms().priority()).forEach((k, v) -> step("synonyms", () ->
                    prioritySynonyms.put(k.trim().toLowerCase(Locale.ROOT),
                            priority(v, "synonyms")), null));
        }
        ConfigFile.Scoring s = c.scoring();
        ScoringConfig scoring = step("scoring", () -> new ScoringConfig(orEmpty(s.weights()),
                s.urgencyKeywords() == null ? List.of() : s.urgencyKeywords(),
                s.pointsPerKeyword() == null ? 2 : s.pointsPerKeyword(),
                s.urgencyCap() == null ? 10 : s.urgencyCap()), null);
        ModuleSettings moduleSettings = moduleSettings(c);
        step("cache_ttl", () -> {
            require(c.cacheTtl() >= 0, "cache_ttl", "cache_ttl must be >= 0 seconds, got "
                    + c.cacheTtl());
            return null;
        }, null);
        MatchMode mode = step("match_mode", () -> MatchMode.parse(c.matchMode())
                .orElseThrow(() -> ConfigLoader.invalid(layers.origin("match_mode")
                        + ": match_mode '" + c.matchMode() + "' is not one of first, all")),
                null);
        SlaSettings sla = categories == null ? null : step("sla", () -> SlaConfigReader.read(
                c.sla(), layers.origins.getOrDefault("sla", "configuration"),
                layers.lineFinder("sla"), categories, problems), null);
        PriorityMatrix matrix = MatrixConfigReader.read(c.priorityMatrix(),
                layers.origins.getOrDefault("priority_matrix", "configuration"),
                layers.lineFinder("priority_matrix"), problems);
        List<RuleDefinition> rules = rules(c.rules(), categories, mode, sla, matrix);
        EscalationService.Policy escalation = step("escalation_threshold_hours",
                () -> new EscalationService.Policy(c.escalationThresholdHours(),
                        c.autoEscalateCritical()), null);
        Priority defaultPriority = step("default_priority",
                () -> priority(c.defaultPriority(), "default_priority"), null);
        ClassifierPolicy classifier = step("classifier", () -> classifier(c.classifier()), null);
        InputLimits limits = problems.check(() -> ConfigLimits.of(c, layers.origins), null);
        ZoneId zone = step("input_time_zone", () -> timeZone(c.inputTimeZone()), null);
        Path shadow = step("shadow", () -> {
            if (c.shadow() != null && c.shadow().isBlank()) {
                throw new IllegalArgumentException("shadow is blank; name the candidate "
                        + "configuration file, or leave the key out");
            }
            return relative(c.shadow(), "shadow");
        }, null);
        AssignmentSettings assignment = categories == null || sla == null ? null
                : problems.check(() -> assignment(c, categories, rules, classifier, sla), null);
        if (problems.count() > before) {
            return null;
        }
        return step("max_ticket_title_length", () -> new TriageConfig(categories, rules, mode,
                scoring, escalation, c.maxTicketTitleLength(), c.maxTicketDescriptionLength(),
                defaultPriority, categorySynonyms, prioritySynonyms, c.cacheEnabled(),
                Duration.ofSeconds(c.cacheTtl()), classifier, limits, zone, sla,
                moduleSettings, shadow, matrix, assignment), null);
    }

    // agents name the teams the configuration routes to, and the calendars of its SLA section
    private AssignmentSettings assignment(ConfigFile c, Categories categories,
            List<RuleDefinition> rules, ClassifierPolicy classifier, SlaSettings sla) {
        java.util.Set<String> teams = AssignmentConfigReader.teams(categories, rules, classifier,
                sla);
        if (c.agentsFile() != null && c.agentsFile().isBlank()) {
            throw ConfigLoader.invalid(layers.origin("agents_file") + ": agents_file is blank;"
                    + " name the roster file, or leave the key out");
        }
        return AssignmentConfigReader.read(c.agents(), relative(c.agentsFile(), "agents_file"),
                c.assignment(), new AssignmentConfigReader.Origins(
                        layers.origins.getOrDefault("agents", "configuration"),
                        layers.lineFinder("agents"),
                        layers.origins.getOrDefault("assignment", "configuration"),
                        layers.lineFinder("assignment")), teams, sla, problems);
    }

    // the core carries other modules' keys as read; each owner given checks its key here, where
    // the core checks its own, and the configuration keeps the owner's canonical value
    private ModuleSettings moduleSettings(ConfigFile c) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("store_type", c.storeType());
        raw.put("store_path", c.storePath());
        raw.put("store_url", c.storeUrl());
        raw.put("db_password_file", c.dbPasswordFile());
        raw.put("log_level", c.logLevel());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
                origins.put(key, layers.origin(key));
            }
        });
        ModuleSettings read = new ModuleSettings(values, origins);
        for (SettingOwner owner : owners) {
            problems.check(() -> owner.read(read).ifPresent(v -> values.put(owner.key(), v)));
        }
        return new ModuleSettings(values, origins);
    }

    // each rule is compiled alone, so every bad rule is reported, each with its file and line
    private List<RuleDefinition> rules(List<RuleDefinition> defs, Categories categories,
            MatchMode mode, SlaSettings sla, PriorityMatrix matrix) {
        List<RuleDefinition> rules = defs == null ? List.of() : defs;
        List<RuleFiles.Source> sources = layers.ruleSources;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition def = rules.get(i);
            RuleFiles.Source source = i < sources.size() ? sources.get(i)
                    : new RuleFiles.Source(layers.origins.getOrDefault("rules", "configuration"),
                            null, i);
            if (def == null || def.id() == null || def.id().isBlank()) {
                problems.report(source.where() + ": " + (def == null
                        ? "a rule must be an object with id, priority, condition and actions"
                        : "the rule has no id"));
                continue;
            }
            {
                Integer first = seen.putIfAbsent(def.id().trim(), i);
                if (first != null) {
                    problems.report(source.where("id") + ": rule id '" + def.id().trim()
                            + "' is already the id of " + describe(first) + "; rule ids must be"
                            + " unique across the configuration and its rule files");
                    continue;
                }
            }
            if (categories == null) {
                continue;
            }
            List<String> wrong = ruleProblems(def, categories);
            if (!wrong.isEmpty()) {
                wrong.forEach(w -> problems.report(source.where() + ": " + w));
                continue;
            }
            // a broken matrix is reported once, not again by every rule that names its levels
            if (matrix != null) {
                matrix.problemsOf(def).forEach((action, p) -> problems.report(
                        source.where("actions", action) + ": " + p));
            }
            if (sla != null && def.actions().sla() != null) {
                String id = def.actions().sla().trim();
                if (sla.policy(id).isEmpty()) {
                    problems.report(source.where("actions", "sla") + ": rule '" + def.id()
                            + "' applies SLA policy '" + id + "', which is not configured"
                            + " (policies: " + (sla.policies().isEmpty() ? "none"
                                    : String.join(", ", sla.policies().stream()
                                            .map(org.helpdesktriage.core.sla.SlaPolicy::id)
                                            .toList())) + ")");
                }
            }
        }
        return rules;
    }

    // the rule's problems: its condition's and its priority's and actions' apart, so that a bad
    // regex does not hide a bad category (only the first when loading)
    private List<String> ruleProblems(RuleDefinition def, Categories categories) {
        List<String> found = new ArrayList<>();
        List<RuleDefinition> parts = List.of(def,
                new RuleDefinition(def.id(), def.name(), def.priority(), ALWAYS, def.actions(),
                        def.stop(), def.override(), def.order()),
                new RuleDefinition(def.id(), def.name(), "low", def.condition(),
                        RuleDefinition.Actions.NONE, def.stop(), def.override(), def.order()));
        for (RuleDefinition part : parts) {
            try {
                // the match mode changes no rule's validity: a bad one still lets rules be checked
                RuleSet.compile(List.of(part), categories, MatchMode.FIRST);
            } catch (TriageException e) {
                if (!found.contains(e.getMessage())) {
                    found.add(e.getMessage());
                }
                if (!problems.collects()) {
                    break;
                }
            }
        }
        return found;
    }

    private static final com.fasterxml.jackson.databind.JsonNode ALWAYS =
            new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .set("all", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                            .arrayNode());

    private String describe(int index) {
        RuleFiles.Source s = layers.ruleSources.get(index);
        return s.where();
    }

    // a relative path is taken from the directory of the file that names it, so a
    // configuration and the files it names can move together
    private Path relative(String value, String key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path path = Path.of(value);
        String origin = layers.origins.get(key);
        if (!path.isAbsolute() && origin != null && origin.endsWith(".json")) {
            path = Path.of(origin).toAbsolutePath().getParent().resolve(path).normalize();
        }
        return path;
    }

    // without a model the section still says how one is used: evaluate and train apply it
    private ClassifierPolicy classifier(ConfigFile.Classifier c) {
        if (c == null) {
            return null;
        }
        Optional<Path> model = Optional.ofNullable(relative(c.model(), "classifier"));
        ClassifierPolicy.Decision decision = ClassifierPolicy.Decision.RULES_FIRST;
        if (c.policy() != null) {
            decision = ClassifierPolicy.Decision.parse(c.policy()).orElseThrow(() ->
                    ConfigLoader.invalid(layers.origin("classifier") + ": classifier.policy '"
                            + c.policy() + "' is not one of rules_first, model_first, "
                            + "rules_override"));
        }
        return new ClassifierPolicy(model, c.minConfidence() == null ? 0.8 : c.minConfidence(),
                c.reviewTeam(), decision);
    }

    private ZoneId timeZone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (java.time.DateTimeException e) {
            throw ConfigLoader.invalid(layers.origin("input_time_zone") + ": input_time_zone '"
                    + value + "' is not a time zone (UTC, +02:00, Europe/Paris)");
        }
    }

    private Priority priority(String value, String key) {
        return Priority.parse(value).orElseThrow(() -> ConfigLoader.invalid(layers.origin(key)
                + ": " + key + " value '" + value
                + "' is not a priority (critical, high, medium, low)"));
    }

    private void require(boolean ok, String key, String msg) {
        if (!ok) {
            throw ConfigLoader.invalid(layers.origin(key) + ": " + msg);
        }
    }

    // a value's own checks (a record's constructor) name the value; the key says where it is
    private <T> T step(String key, Supplier<T> check, T fallback) {
        return problems.check(() -> {
            try {
                return check.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new TriageException(org.helpdesktriage.core.error.ErrorCode.CONFIG_INVALID,
                        layers.origin(key) + ": " + ConfigProblems.describe(e), e);
            }
        }, fallback);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
