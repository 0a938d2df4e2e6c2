package org.helpdesktriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.helpdesktriage.core.internal.rules.Field;
import org.helpdesktriage.core.internal.rules.Operator;
import org.helpdesktriage.core.model.Priority;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.route.ClassifierPolicy;
import org.helpdesktriage.core.rules.MatchMode;
import org.helpdesktriage.core.rules.RuleDefinition;
import org.helpdesktriage.core.scoring.ScoringConfig;
import org.helpdesktriage.core.sla.Sla;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * config.schema.json against the loader, so the two never drift: the same keys both ways, the
 * same names where a value is one of a list, every shipped configuration accepted by both, and
 * wrong values refused by both. Validated with networknt's json-schema-validator (draft
 * 2020-12).
 */
class ConfigSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    /** Returns every configuration the project ships, relative to the project root. */
    static List<String> shipped() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT.resolve("examples"))) {
            return Stream.concat(Stream.of("config.json"), walk
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> p.getFileName().toString().matches("config.*\\.json"))
                    .map(p -> ROOT.relativize(p).toString()).sorted()).toList();
        }
    }

    private static JsonNode schemaTree() throws IOException {
        return MAPPER.readTree(ROOT.resolve("config.schema.json").toFile());
    }

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaTree());
    }

    @Test
    void theLibrarysSchema_isTheOneAtTheProjectRoot() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("config.schema.json")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(ROOT.resolve("config.schema.json")));
        }
        assertThat(schemaTree().path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyShippedConfiguration_isValid_andNamesTheSchema() throws IOException {
        Schema schema = schema();
        assertThat(shipped()).hasSizeGreaterThanOrEqualTo(6);
        for (String name : shipped()) {
            JsonNode config = MAPPER.readTree(ROOT.resolve(name).toFile());
            assertThat(schema.validate(config)).as(name).isEmpty();
            Path referenced = ROOT.resolve(name).getParent().resolve(config.path("$schema")
                    .asText()).normalize();
            assertThat(referenced).as(name + " $schema").isEqualTo(
                    ROOT.resolve("config.schema.json").normalize());
        }
        try (InputStream in = ConfigLoader.class.getResourceAsStream("default-config.json")) {
            assertThat(schema.validate(MAPPER.readTree(in))).isEmpty();
        }
    }

    @Test
    void aClassifierWithoutModel_isAcceptedByTheSchemaAndByTheLoader() throws IOException {
        String json = "{\"classifier\": {\"min_confidence\": 0.6, \"policy\": "
                + "\"rules_override\"}}";
        assertThat(schema().validate(MAPPER.readTree(json))).isEmpty();
        Path file = Files.writeString(dir.resolve("config.json"), json);
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"cache_ttl\": -1}",
        "{\"cache_ttl\": \"soon\"}",
        "{\"cache_tl\": 60}",
        "{\"match_mode\": \"some\"}",
        "{\"scoring\": {\"weights\": {\"sentiment\": 1}}}",
        "{\"rules\": [{\"id\": \"r\", \"priority\": \"urgent\", \"condition\": {\"all\": []}}]}",
        "{\"rules\": [{\"id\": \"r\", \"priority\": \"low\", \"order\": \"first\","
                + " \"condition\": {\"all\": []}}]}",
        "{\"rules\": [{\"id\": \"r\", \"priority\": \"low\", \"condition\": {\"field\":"
                + " \"title\", \"op\": \"like\", \"value\": \"x\"}}]}",
        "{\"rules\": [{\"id\": \"r\", \"priority\": \"low\", \"condition\": {\"field\":"
                + " \"colour\", \"op\": \"equals\", \"value\": \"x\"}}]}",
        "{\"rule_files\": \"rules.json\"}",
        "{\"sla\": {\"at_risk\": 2}}",
        "{\"sla\": {\"pause_statuses\": [\"sleeping\"]}}",
        "{\"classifier\": {\"model\": \"m.json\", \"policy\": \"model_only\"}}",
        "{\"max_nesting_depth\": 1000}",
        "{\"shadow\": \"\"}",
        "{\"priority_matrix\": {\"impact\": [\"high\"], \"urgency\": [\"high\"],"
                + " \"priority\": [[\"urgent\"]]}}",
        "{\"priority_matrix\": {\"impact\": [\"high\", \"high\"], \"urgency\": [\"a\"],"
                + " \"priority\": [[\"low\"], [\"low\"]]}}",
        "{\"rules\": [{\"id\": \"r\", \"priority\": \"low\", \"condition\": {\"all\": []},"
                + " \"actions\": {\"require_skills\": [\"sap\", \"sap\"]}}]}"})
    void aWrongValue_isRefusedByTheSchemaAndByTheLoader(String json) throws IOException {
        List<Error> errors = schema().validate(MAPPER.readTree(json));
        assertThat(errors).as(json).isNotEmpty();
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of())).as(json)
                .isNotEmpty();
    }

    @Test
    void theSchemasKeys_areTheLoadersKeys() throws IOException {
        JsonNode schema = schemaTree();
        Set<String> fromSchema = new TreeSet<>();
        keys(schema, schema, "", fromSchema);
        Set<String> fromLoader = new TreeSet<>();
        keys(ConfigFile.class, "", fromLoader);
        // agents and assignment are read by hand, for messages naming each value's line
        AgentRoster.FIELDS.forEach(f -> fromLoader.add("agents[]." + f));
        AssignmentConfigReader.SECTION_KEYS.forEach(k -> fromLoader.add("assignment." + k));
        fromLoader.add("assignment.teams.*.strategy");
        assertThat(fromSchema).isEqualTo(fromLoader);
        // a rule file is a configuration holding only rules, so the same schema checks it
        Set<String> ruleFile = new TreeSet<>();
        keys(RuleFile.class, "", ruleFile);
        assertThat(fromLoader).containsAll(ruleFile);
    }

    @Test
    void theSchemasNames_areTheLoadersNames() throws IOException {
        JsonNode defs = schemaTree().path("$defs");
        assertThat(strings(defs.path("operator").path("enum")))
                .isEqualTo(ids(Arrays.stream(Operator.values()).map(Operator::id)));
        assertThat(strings(defs.path("field").path("anyOf").path(0).path("enum")))
                .isEqualTo(ids(Arrays.stream(Field.values()).filter(f -> f != Field.METADATA)
                        .map(Field::id)));
        assertThat(strings(defs.path("priority").path("enum")))
                .isEqualTo(ids(Arrays.stream(Priority.values()).map(Priority::id)));
        assertThat(strings(defs.path("status").path("enum")))
                .isEqualTo(ids(Arrays.stream(Status.values()).map(Status::id)));
        assertThat(strings(defs.path("stage").path("properties").path("target").path("enum")))
                .isEqualTo(ids(Arrays.stream(Sla.Target.values()).map(Sla.Target::id)));
        JsonNode props = schemaTree().path("properties");
        assertThat(strings(props.path("match_mode").path("enum")))
                .isEqualTo(ids(Arrays.stream(MatchMode.values()).map(MatchMode::id)));
        assertThat(strings(props.path("classifier").path("properties").path("policy")
                .path("enum"))).isEqualTo(ids(Arrays.stream(ClassifierPolicy.Decision.values())
                        .map(ClassifierPolicy.Decision::id)));
        Set<String> weights = new TreeSet<>();
        props.path("scoring").path("properties").path("weights").path("properties")
                .fieldNames().forEachRemaining(weights::add);
        assertThat(weights).isEqualTo(new TreeSet<>(ScoringConfig.COMPONENTS));
        Set<String> days = new TreeSet<>();
        defs.path("calendar").path("properties").path("hours").path("properties").fieldNames()
                .forEachRemaining(days::add);
        assertThat(days).isEqualTo(new TreeSet<>(SlaConfigReader.DAYS));
        assertThat(ConfigLoader.SCALAR_KEYS.keySet()).allSatisfy(k ->
                assertThat(props.has(k)).as(k).isTrue());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toCollection(TreeSet::new));
    }

    // the key paths a schema allows: a.b for properties, a[] for items, a.* for map values;
    // conditions, the score weights and the days of a calendar are checked by name above
    private static void keys(JsonNode root, JsonNode node, String path, Set<String> out) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (ref.equals("#/$defs/condition")) {
                return;
            }
            keys(root, root.at(ref.substring(1)), path, out);
            return;
        }
        if (path.equals("scoring.weights") || path.equals("sla.calendars.*.hours")) {
            return;
        }
        node.path("properties").fields().forEachRemaining(e -> {
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            out.add(p);
            keys(root, e.getValue(), p, out);
        });
        if (node.has("items")) {
            keys(root, node.get("items"), path + "[]", out);
        }
        if (node.path("additionalProperties").isObject()) {
            keys(root, node.get("additionalProperties"), path + ".*", out);
        }
    }

    // the key paths the loader binds: record components by their JSON names, into lists and
    // maps of records
    private static void keys(Class<?> type, String path, Set<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = c.getAccessor().getAnnotation(JsonProperty.class) != null
                    ? c.getAccessor().getAnnotation(JsonProperty.class).value()
                    : c.getAnnotation(JsonProperty.class) != null
                            ? c.getAnnotation(JsonProperty.class).value() : c.getName();
            String p = path.isEmpty() ? name : path + "." + name;
            out.add(p);
            walk(c.getGenericType(), p, out);
        }
    }

    private static void walk(Type t, String path, Set<String> out) {
        if (t instanceof Class<?> c && c.isRecord()) {
            keys(c, path, out);
        } else if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                walk(args[0], path + "[]", out);
            } else if (Map.class.isAssignableFrom(raw)) {
                Type v = args[1];
                if (v instanceof Class<?> vc && vc.isRecord() || v instanceof ParameterizedType) {
                    walk(v, path + ".*", out);
                }
            }
        }
    }

    @Test
    void aRuleDefinitionsKeys_includeOrder() {
        Set<String> keys = new TreeSet<>();
        keys(RuleDefinition.class, "", keys);
        assertThat(keys).contains("order", "condition", "actions.sla");
    }

    @Test
    void theSchemaRefusesNullRulesValue_asTheLoaderDoes() throws IOException {
        ObjectNode bad = MAPPER.createObjectNode();
        bad.putNull("rules");
        assertThat(schema().validate(bad)).isNotEmpty();
        Path file = dir.resolve("config.json");
        Files.writeString(file, bad.toString());
        assertThat(ConfigLoader.validate(Optional.of(file), Map.of(), Map.of())).isNotEmpty();
    }
}
