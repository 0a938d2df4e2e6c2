package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.internal.classify.ClassifierModel;

/**
 * Says which rules made a decision: the hex SHA-256 of a configuration's canonical JSON (the
 * effective values that decide, rules from every rule file included, in evaluation-relevant
 * order; never where things are stored or how much is logged) and, when a classifier is
 * configured, of its model file's content. Result records, run records and
 * the result cache carry it. Not API: {@link ConfigLoader#fingerprint(TriageConfig)} and
 * {@link ConfigLoader#canonicalJson(TriageConfig)} give it to the engine and to embedders.
 *
 * <p>A configuration without a classifier keeps the fingerprint it had before model hashes were
 * part of it: the model's hash is added only when there is a model. A classifier section that
 * names no model decides no route, so it leaves the fingerprint as if it were absent.
 */
final class ConfigFingerprint {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What stands for the hash of a model file that cannot be read. */
    static final String UNREADABLE = "unreadable";

    private ConfigFingerprint() {
    }

    /**
     * The settings that say where things are kept or how much is logged, not what is decided:
     * left out of the canonical JSON, so moving a data directory, switching stores or logging
     * more keeps the fingerprint. The model file's path is left out too: its content counts.
     */
    static final List<String> OPERATIONAL = List.of("store_type", "store_path", "store_url",
            "db_password_file", "cache_enabled", "cache_ttl", "log_level", "shadow",
            "agents", "agents_file");

    /**
     * Returns a canonical JSON rendering of what in the effective configuration decides: rules,
     * categories, synonyms, scoring, escalation, SLA, limits that change validation; without the
     * {@link #OPERATIONAL} settings and the model file's path.
     */
    static String canonicalJson(TriageConfig config) {
        Objects.requireNonNull(config, "config");
        ObjectNode tree = ConfigJson.toTree(config);
        tree.remove(OPERATIONAL);
        if (config.classifierPolicy().isEmpty()) {
            // a classifier section without a model routes nothing: triage uses rules alone
            tree.remove("classifier");
        } else if (tree.get("classifier") instanceof ObjectNode classifier) {
            classifier.remove("model");
        }
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the fingerprint of {@code config}, reading the configured model file, if any, for
     * its hash.
     */
    static String of(TriageConfig config) {
        return of(config, config.classifierPolicy()
                .map(p -> ClassifierModel.sha256(p.model()).orElse(UNREADABLE)).orElse(null));
    }

    /**
     * Returns the fingerprint of {@code config} with a model of hash {@code modelSha256} (see
     * {@link ClassifierModel#sha256}), or with none when it is {@code null}.
     */
    static String of(TriageConfig config, String modelSha256) {
        MessageDigest md = sha256();
        md.update(canonicalJson(config).getBytes(StandardCharsets.UTF_8));
        if (modelSha256 != null) {
            md.update(("\nmodel_sha256=" + modelSha256).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
