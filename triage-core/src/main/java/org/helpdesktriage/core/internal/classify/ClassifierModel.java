package org.helpdesktriage.core.internal.classify;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.AtomicOutput;

/**
 * Reads and writes a {@link TextClassifier} as a JSON model file.
 *
 * <p>The file holds {@code format_version}, the labels, the feature settings, the names of the
 * {@code scorers}, the {@code combiner} (per label, one weight per score and a bias), the
 * scorers' {@code bias} (one per scorer and label), the kept n-grams ({@code terms}, sorted)
 * with their {@code idf}, and the {@code weights} (per term, one row holding each scorer's
 * per-label weights). Format 3 added {@code lead_words} to the feature settings, format 4
 * {@code title_zone} (written only for a model that has one); format 2 files
 * (no lead words) and format 1 files (one scorer and a softmax {@code temperature}) are still
 * read. Numbers are
 * written as 32-bit floats in Java's shortest round-trip form, and nothing depends on hash
 * order, so the same model always gives the same bytes and a loaded model predicts exactly as
 * the saved one.
 *
 * <pre>{@code
 * ClassifierModel.save(model, Path.of("model.json"));
 * TextClassifier again = ClassifierModel.load(Path.of("model.json"));
 * }</pre>
 */
public final class ClassifierModel {

    /**
     * The newest format version this library writes and reads: 4 for a model with a title
     * zone; a model without one is written as format 3, which earlier builds read too.
     */
    public static final int FORMAT_VERSION = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassifierModel() {}

    /**
     * Writes {@code model} to {@code file} atomically and durably (see {@link AtomicOutput}).
     *
     * @throws TriageException with {@link ErrorCode#OUTPUT_FAILED} if the file cannot be written
     */
    public static void save(TextClassifier model, Path file) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(file, "file");
        try (AtomicOutput out = AtomicOutput.create(file)) {
            JsonGenerator g = new JsonFactory().createGenerator(out.stream(), JsonEncoding.UTF8);
            write(model, g);
            g.flush();
            out.commit();
        } catch (IOException e) {
            throw new TriageException(ErrorCode.OUTPUT_FAILED,
                    file + ": cannot write the model: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the hex SHA-256 of the bytes {@link #save} writes for {@code model}: equal to the
     * hash of a model file this version wrote, so a model built in code and the file it was
     * saved to are told apart from other models the same way.
     */
    public static String sha256(TextClassifier model) {
        Objects.requireNonNull(model, "model");
        java.security.MessageDigest md = digest();
        try (OutputStream out = new java.security.DigestOutputStream(
                OutputStream.nullOutputStream(), md)) {
            JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            write(model, g);
            g.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /**
     * Returns the hex SHA-256 of a model file's bytes, or empty when it cannot be read (loading
     * it then says why).
     */
    public static java.util.Optional<String> sha256(Path file) {
        Objects.requireNonNull(file, "file");
        java.security.MessageDigest md = digest();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.HexFormat.of().formatHex(md.digest()));
    }

    private static java.security.MessageDigest digest() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void write(TextClassifier m, JsonGenerator g) throws IOException {
        int width = m.scorers().size() * m.labels().size();
        g.writeStartObject();
        boolean zone = m.featureSettings().titleZone();
        g.writeNumberField("format_version", zone ? FORMAT_VERSION : 3);
        g.writeArrayFieldStart("labels");
        for (String l : m.labels()) {
            g.writeString(l);
        }
        g.writeEndArray();
        FeatureSettings s = m.featureSettings();
        g.writeObjectFieldStart("features");
        g.writeStringField("tokens", "words");
        g.writeNumberField("min_n", s.minN());
        g.writeNumberField("max_n", s.maxN());
        g.writeNumberField("min_df", s.minDf());
        g.writeNumberField("lead_words", s.leadWords());
        if (zone) {
            g.writeBooleanField("title_zone", true);
        }
        g.writeStringField("weighting", "log_tf_idf_l2");
        g.writeEndObject();
        g.writeArrayFieldStart("scorers");
        for (String name : m.scorers()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.writeArrayFieldStart("combiner");
        float[] a = m.combiner();
        for (int c = 0; c < m.labels().size(); c++) {
            g.writeStartArray();
            for (int j = 0; j <= width; j++) {
                g.writeNumber(a[c * (width + 1) + j]);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.writeArrayFieldStart("bias");
        for (float v : m.bias()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.writeArrayFieldStart("terms");
        for (String t : m.terms()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.writeArrayFieldStart("idf");
        for (float v : m.idf()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.writeArrayFieldStart("weights");
        float[] w = m.weights();
        for (int f = 0; f < m.featureCount(); f++) {
            g.writeStartArray();
            for (int j = 0; j < width; j++) {
                g.writeNumber(w[f * width + j]);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /**
     * Reads a model file.
     *
     * @throws TriageException with {@link ErrorCode#CONFIG_INVALID} if the file is missing,
     *     corrupt, or written by a newer version of the library
     */
    public static TextClassifier load(Path file) {
        Objects.requireNonNull(file, "file");
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw invalid(file, "the model file does not exist");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TriageException(ErrorCode.CONFIG_INVALID,
                    file + ": is not a valid model file (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new TriageException(ErrorCode.CONFIG_INVALID,
                    file + ": cannot read the model file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "is not a model file (expected a JSON object)");
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw invalid(file, "has no format_version; it is not a model file");
        }
        if (version.intValue() > FORMAT_VERSION) {
            throw invalid(file, "format_version " + version.intValue() + " is newer than "
                    + FORMAT_VERSION + ", the newest this version reads; upgrade helpdesk-triage"
                    + " or retrain the model");
        }
        try {
            List<String> labels = strings(file, root, "labels");
            JsonNode f = require(file, root, "features");
            // formats 1 and 2 have no lead words
            FeatureSettings s = new FeatureSettings(require(file, f, "min_n").intValue(),
                    require(file, f, "max_n").intValue(), require(file, f, "min_df").intValue(),
                    version.intValue() < 3 ? 0 : require(file, f, "lead_words").intValue(),
                    version.intValue() >= 4 && require(file, f, "title_zone").asBoolean());
            int k = labels.size();
            List<String> scorers;
            float[] combiner;
            if (version.intValue() == 1) {
                // format 1: one scorer and a softmax temperature, which is a diagonal combiner
                scorers = List.of("logistic_regression");
                combiner = Combiner.temperature(k, k,
                        require(file, root, "temperature").doubleValue());
            } else {
                scorers = strings(file, root, "scorers");
                int width = scorers.size() * k;
                JsonNode combinerRows = require(file, root, "combiner");
                combiner = matrix(file, combinerRows, "combiner", k, width + 1);
            }
            int width = scorers.size() * k;
            List<String> terms = strings(file, root, "terms");
            float[] bias = floats(file, require(file, root, "bias"), "bias");
            float[] idf = floats(file, require(file, root, "idf"), "idf");
            float[] w = matrix(file, require(file, root, "weights"), "weights", terms.size(),
                    width);
            return new TextClassifier(labels, s, scorers, terms, idf, w, bias, combiner);
        } catch (IllegalArgumentException e) {
            throw new TriageException(ErrorCode.CONFIG_INVALID,
                    file + ": is not a valid model file: " + e.getMessage(), e);
        }
    }

    private static JsonNode require(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw invalid(file, "the field '" + field + "' is missing");
        }
        return v;
    }

    /** Reads {@code rows} arrays of {@code columns} numbers each, row after row. */
    private static float[] matrix(Path file, JsonNode rows, String field, int count,
            int columns) {
        if (!rows.isArray() || rows.size() != count) {
            throw invalid(file, "'" + field + "' must hold " + count + " rows");
        }
        float[] out = new float[count * columns];
        for (int r = 0; r < count; r++) {
            float[] row = floats(file, rows.get(r), field + "[" + r + "]");
            if (row.length != columns) {
                throw invalid(file, field + "[" + r + "] has " + row.length
                        + " values, expected " + columns);
            }
            System.arraycopy(row, 0, out, r * columns, columns);
        }
        return out;
    }

    private static List<String> strings(Path file, JsonNode root, String field) {
        JsonNode a = require(file, root, field);
        if (!a.isArray()) {
            throw invalid(file, "'" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            if (!n.isTextual()) {
                throw invalid(file, "'" + field + "' holds a non-string value " + n);
            }
            out.add(n.textValue());
        }
        return out;
    }

    private static float[] floats(Path file, JsonNode a, String field) {
        if (!a.isArray()) {
            throw invalid(file, "'" + field + "' must be an array of numbers");
        }
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = a.get(i);
            if (!n.isNumber()) {
                throw invalid(file, "'" + field + "' holds a non-number value " + n);
            }
            out[i] = n.floatValue();
        }
        return out;
    }

    private static TriageException invalid(Path file, String message) {
        return new TriageException(ErrorCode.CONFIG_INVALID, file + ": " + message);
    }
}
