package org.helpdesktriage.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.helpdesktriage.core.classify.ClassifierModel;

/**
 * Says which rules made a decision: the hex SHA-256 of a configuration's canonical JSON (the
 * effective values, rules from every rule file included, in evaluation-relevant order) and,
 * when a classifier is configured, of its model file's content. Result records, run records and
 * the result cache carry it.
 *
 * <pre>{@code
 * String fp = ConfigFingerprint.of(config);
 * }</pre>
 *
 * <p>A configuration without a classifier keeps the fingerprint it had before model hashes were
 * part of it: the model's hash is added only when there is a model.
 */
public final class ConfigFingerprint {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What stands for the hash of a model file that cannot be read. */
    static final String UNREADABLE = "unreadable";

    private ConfigFingerprint() {
    }

    /** Returns a canonical JSON rendering of the effective configuration. */
    public static String canonicalJson(TriageConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return MAPPER.writeValueAsString(ConfigJson.toTree(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the fingerprint of {@code config}, reading the configured model file, if any, for
     * its hash.
     */
    public static String of(TriageConfig config) {
        return of(config, config.classifierPolicy()
                .map(p -> ClassifierModel.sha256(p.model()).orElse(UNREADABLE)).orElse(null));
    }

    /**
     * Returns the fingerprint of {@code config} with a model of hash {@code modelSha256} (see
     * {@link ClassifierModel#sha256}), or with none when it is {@code null}.
     */
    public static String of(TriageConfig config, String modelSha256) {
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
