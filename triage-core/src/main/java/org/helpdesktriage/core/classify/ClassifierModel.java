package org.helpdesktriage.core.classify;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.ErrorCode;
import org.helpdesktriage.core.TriageException;

/**
 * Reads and writes a {@link TextClassifier} as a JSON model file.
 *
 * <p>The file holds {@code format_version}, the labels, the feature settings, the softmax
 * temperature, the kept n-grams ({@code terms}, sorted) with their {@code idf}, the per-label
 * {@code bias} and the {@code weights} (one row of per-label weights per term). Numbers are
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

    /** The format version this library writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClassifierModel() {}

    /**
     * Writes {@code model} to {@code file} atomically: to a temporary file in the same
     * directory, then moved over {@code file}.
     *
     * @throws TriageException with {@link ErrorCode#OUTPUT_FAILED} if the file cannot be written
     */
    public static void save(TextClassifier model, Path file) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(file, "file");
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp);
                    JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                write(model, g);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TriageException(ErrorCode.OUTPUT_FAILED,
                    file + ": cannot write the model: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the write already failed; nothing more to do
                }
            }
        }
    }

    private static void write(TextClassifier m, JsonGenerator g) throws IOException {
        int k = m.labels().size();
        g.writeStartObject();
        g.writeNumberField("format_version", FORMAT_VERSION);
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
        g.writeStringField("weighting", "log_tf_idf_l2");
        g.writeEndObject();
        g.writeNumberField("temperature", m.temperature());
        g.writeRaw('\n');
        g.writeArrayFieldStart("bias");
        for (float b : m.bias()) {
            g.writeNumber(b);
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
            for (int c = 0; c < k; c++) {
                g.writeNumber(w[f * k + c]);
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
            FeatureSettings s = new FeatureSettings(require(file, f, "min_n").intValue(),
                    require(file, f, "max_n").intValue(), require(file, f, "min_df").intValue());
            double temperature = require(file, root, "temperature").doubleValue();
            List<String> terms = strings(file, root, "terms");
            float[] bias = floats(file, require(file, root, "bias"), "bias");
            float[] idf = floats(file, require(file, root, "idf"), "idf");
            JsonNode rows = require(file, root, "weights");
            int k = labels.size();
            if (!rows.isArray() || rows.size() != terms.size()) {
                throw invalid(file, "weights must hold one row per term (" + terms.size() + ")");
            }
            float[] w = new float[terms.size() * k];
            for (int t = 0; t < rows.size(); t++) {
                float[] row = floats(file, rows.get(t), "weights[" + t + "]");
                if (row.length != k) {
                    throw invalid(file, "weights[" + t + "] has " + row.length
                            + " values, expected one per label (" + k + ")");
                }
                System.arraycopy(row, 0, w, t * k, k);
            }
            return new TextClassifier(labels, s, terms, idf, w, bias, temperature);
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
