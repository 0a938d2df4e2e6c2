package org.helpdesktriage.core.internal.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextClassifierTest {

    @TempDir
    Path dir;

    private static List<LabelledText> tickets() {
        String[][] kinds = {
            {"Hardware", "printer", "paper jam in the printer tray", "laptop screen broken"},
            {"Access", "password", "locked out, reset my password", "vpn login refused"},
            {"Purchase", "order", "please order a new monitor", "quote for licences"},
        };
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            for (String[] k : kinds) {
                out.add(new LabelledText(k[1] + " issue " + i, k[2 + i % 2], k[0]));
            }
        }
        return out;
    }

    private static TextClassifier train() {
        return ClassifierTrainer.builder().seed(3).build().train(tickets());
    }

    @Test
    void train_separableTickets_classifiesNewTicketsRight() {
        TextClassifier model = train();
        assertThat(model.labels()).containsExactly("Access", "Hardware", "Purchase");
        assertThat(model.predict("printer broken", "paper jam again").label())
                .isEqualTo("Hardware");
        assertThat(model.predict("", "I forgot my password").label()).isEqualTo("Access");
        assertThat(model.predictTop("new order", "please order a monitor").label())
                .isEqualTo("Purchase");
    }

    @Test
    void predict_probabilitiesCoverEveryLabelAndSumToOne() {
        Prediction p = train().predict("printer", "jam");
        assertThat(p.probabilities()).containsOnlyKeys("Access", "Hardware", "Purchase");
        assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.confidence()).isEqualTo(p.probabilities().get(p.label()));
        assertThat(train().predictTop("printer", "jam").probabilities()).isEmpty();
    }

    @Test
    void save_sameDataAndSeed_writesByteIdenticalFiles() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        ClassifierModel.save(train(), a);
        ClassifierModel.save(train(), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readString(a)).contains("\"format_version\":3")
                .contains("\"lead_words\":5");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(Path::getFileName).extracting(Path::toString)
                    .containsExactlyInAnyOrder("a.json", "b.json");
        }
    }

    @Test
    void load_savedModel_predictsExactlyTheSame() {
        TextClassifier model = train();
        Path file = dir.resolve("model.json");
        ClassifierModel.save(model, file);
        TextClassifier loaded = ClassifierModel.load(file);
        for (LabelledText t : tickets()) {
            assertThat(loaded.predict(t.title(), t.description()))
                    .isEqualTo(model.predict(t.title(), t.description()));
        }
        assertThat(loaded.predict("unseen words only", "")).isEqualTo(
                model.predict("unseen words only", ""));
    }

    @Test
    void train_oneThreadOrTwo_givesTheSameModelFile() throws IOException {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        ClassifierModel.save(ClassifierTrainer.builder().seed(3).threads(1).build()
                .train(tickets()), one);
        ClassifierModel.save(ClassifierTrainer.builder().seed(3).threads(2).build()
                .train(tickets()), two);
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
    }

    @Test
    void train_eachScorerAloneRanksTheTrueLabelFirst() {
        TextClassifier model = train();
        assertThat(model.scorers())
                .containsExactly("logistic_regression", "nb_logistic_regression");
        double[] s = model.scores("printer broken", "paper jam again");
        int k = model.labels().size();
        int hardware = model.labels().indexOf("Hardware");
        for (int scorer = 0; scorer < 2; scorer++) {
            double[] block = java.util.Arrays.copyOfRange(s, scorer * k, scorer * k + k);
            assertThat(TextClassifier.argmax(block)).as("scorer %d", scorer).isEqualTo(hardware);
        }
    }

    @Test
    void scores_hashedFeaturesMatchTheTrainingFeatures() {
        // prediction hashes n-grams and lead words; training counts them as strings (Ngrams)
        TextClassifier model = train();
        int width = 2 * model.labels().size();
        float[] w = model.weights();
        float[] idf = model.idf();
        for (String[] t : new String[][] {{"printer issue 3", "paper jam in the printer tray"},
                {"VPN", "locked out, reset my password password"}, {"", "order order quote"}}) {
            double[] expected = new double[width];
            double norm = 0;
            for (var e : Ngrams.count(t[0], t[1], model.featureSettings()).entrySet()) {
                int f = model.terms().indexOf(e.getKey());
                if (f >= 0) {
                    double v = (1 + Math.log(e.getValue())) * idf[f];
                    norm += v * v;
                    for (int c = 0; c < width; c++) {
                        expected[c] += v * w[f * width + c];
                    }
                }
            }
            double[] actual = model.scores(t[0], t[1]);
            float[] bias = model.bias();
            for (int c = 0; c < width; c++) {
                assertThat(actual[c]).as("%s, score %d", t[0], c).isCloseTo(
                        expected[c] / Math.sqrt(norm) + bias[c],
                        org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void load_formatOneFile_predictsSoftmaxOfTemperatureTimesScores() throws IOException {
        // one scorer: "x" scores a +1 and b -1; temperature 2 -> p(a) = 1 / (1 + e^-4)
        Path file = dir.resolve("v1.json");
        Files.writeString(file, """
                {"format_version":1,"labels":["a","b"],
                 "features":{"tokens":"words","min_n":1,"max_n":1,"min_df":1},
                 "temperature":2.0,"bias":[0,0],"terms":["x","y"],"idf":[1,1],
                 "weights":[[1,-1],[-1,1]]}
                """);
        TextClassifier model = ClassifierModel.load(file);
        Prediction p = model.predict("", "x");
        assertThat(p.label()).isEqualTo("a");
        assertThat(p.confidence()).isCloseTo(1 / (1 + Math.exp(-4)),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(model.scorers()).containsExactly("logistic_regression");
        Path again = dir.resolve("v2.json");
        ClassifierModel.save(model, again);
        assertThat(ClassifierModel.load(again).predict("", "x")).isEqualTo(p);
    }

    @Test
    void load_formatTwoFile_hasNoLeadWords() throws IOException {
        // one scorer, an identity combiner: "x" scores a +1 and b -1 -> p(a) = 1 / (1 + e^-2)
        Path file = dir.resolve("v2.json");
        Files.writeString(file, """
                {"format_version":2,"labels":["a","b"],
                 "features":{"tokens":"words","min_n":1,"max_n":1,"min_df":1},
                 "scorers":["logistic_regression"],"combiner":[[1,0,0],[0,1,0]],
                 "bias":[0,0],"terms":["x"],"idf":[1],"weights":[[1,-1]]}
                """);
        TextClassifier model = ClassifierModel.load(file);
        assertThat(model.featureSettings().leadWords()).isZero();
        assertThat(model.predict("", "x").confidence()).isCloseTo(1 / (1 + Math.exp(-2)),
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void train_leadWords_areFeaturesOfTheirOwn() {
        TextClassifier model = train();
        int k = model.labels().size();
        int lead = model.terms().indexOf("^printer");
        assertThat(lead).isNotNegative();
        float[] w = model.weights();
        int hardware = model.labels().indexOf("Hardware");
        for (int scorer = 0; scorer < 2; scorer++) {
            assertThat(w[lead * 2 * k + scorer * k + hardware]).as("scorer %d", scorer)
                    .isPositive();
        }
        // the same words (q1..q5 unseen), "printer" first or sixth: only "^printer" differs
        assertThat(model.scores("printer q1 q2 q3 q4 q5", ""))
                .isNotEqualTo(model.scores("q1 q2 q3 q4 q5 printer", ""));
        TextClassifier noLead = ClassifierTrainer.builder().seed(3)
                .features(new FeatureSettings(1, 2, 2, 0)).build().train(tickets());
        assertThat(noLead.terms()).noneMatch(t -> t.startsWith(FeatureSettings.LEAD_PREFIX));
        assertThat(noLead.scores("printer q1 q2 q3 q4 q5", ""))
                .isEqualTo(noLead.scores("q1 q2 q3 q4 q5 printer", ""));
    }

    @Test
    void load_corruptFile_isRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("corrupt.json");
        Files.writeString(file, "{\"format_version\": 1, \"labels\": [", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ClassifierModel.load(file))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("corrupt.json: is not a valid model file")
                .extracting(e -> ((TriageException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    @Test
    void train_titleZone_titleWordsAreFeaturesOfTheirOwn_andTheModelFileKeepsIt()
            throws IOException {
        FeatureSettings zone = FeatureSettings.DEFAULT.withTitleZone(true);
        TextClassifier model = ClassifierTrainer.builder().seed(3).features(zone).build()
                .train(tickets());
        assertThat(model.terms()).contains("~printer");
        // the same words, "printer" in the title or in the body: only "~printer" differs
        assertThat(model.scores("q1 printer", "q2"))
                .isNotEqualTo(model.scores("q1", "printer q2"));
        Path file = dir.resolve("zone.json");
        ClassifierModel.save(model, file);
        assertThat(Files.readString(file)).contains("\"format_version\":4")
                .contains("\"title_zone\":true");
        TextClassifier loaded = ClassifierModel.load(file);
        assertThat(loaded.featureSettings().titleZone()).isTrue();
        assertThat(loaded.scores("q1 printer", "q2")).isEqualTo(model.scores("q1 printer", "q2"));
        TextClassifier plain = train();
        assertThat(plain.terms()).noneMatch(t -> t.startsWith(FeatureSettings.TITLE_PREFIX));
    }

    @Test
    void train_default_crossFitsOnThreeFoldsBelowTenThousandExamples_twoFrom() {
        List<LabelledText> small = tickets();
        assertThat(ClassifierTrainer.builder().seed(3).build().train(small).combiner())
                .isEqualTo(ClassifierTrainer.builder().seed(3).calibrationFolds(3).build()
                        .train(small).combiner())
                .isNotEqualTo(ClassifierTrainer.builder().seed(3).calibrationFolds(2).build()
                        .train(small).combiner());
        List<LabelledText> large = new ArrayList<>();
        for (int i = 0; i < ClassifierTrainer.LARGE; i++) {
            LabelledText t = small.get(i % small.size());
            large.add(new LabelledText(t.title(), t.description() + " n" + (i % 97), t.label()));
        }
        assertThat(ClassifierTrainer.builder().seed(3).build().train(large).combiner())
                .isEqualTo(ClassifierTrainer.builder().seed(3).calibrationFolds(2).build()
                        .train(large).combiner());
    }

    @Test
    void load_newerFormatVersion_isRefusedWithUpgradeAdvice() throws IOException {
        Path file = dir.resolve("future.json");
        ClassifierModel.save(train(), file);
        Files.writeString(file, Files.readString(file)
                .replace("\"format_version\":3", "\"format_version\":5"));
        assertThatThrownBy(() -> ClassifierModel.load(file))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("future.json: format_version 5 is newer than 4")
                .extracting(e -> ((TriageException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    @Test
    void load_missingField_isRefusedNamingTheField() throws IOException {
        Path file = dir.resolve("partial.json");
        Files.writeString(file, "{\"format_version\": 1, \"labels\": [\"a\", \"b\"]}");
        assertThatThrownBy(() -> ClassifierModel.load(file))
                .isInstanceOf(TriageException.class)
                .hasMessageContaining("partial.json: the field 'features' is missing");
    }

    @Test
    void train_labelWithTwoExamples_crossFitsOnTwoFoldsAndStillPredicts() {
        List<LabelledText> data = new ArrayList<>(tickets());
        data.add(new LabelledText("invoice", "invoice amount wrong", "Billing"));
        data.add(new LabelledText("invoice", "second invoice is wrong", "Billing"));
        TextClassifier model = ClassifierTrainer.builder().seed(3).build().train(data);
        assertThat(model.labels()).contains("Billing");
        assertThat(model.predict("printer broken", "paper jam again").label())
                .isEqualTo("Hardware");
        float[] combiner = model.combiner();
        int width = 2 * model.labels().size();
        // a fitted combiner gives the second scorer weight; the fallback would leave it at 0
        double second = 0;
        for (int c = 0; c < model.labels().size(); c++) {
            for (int j = model.labels().size(); j < width; j++) {
                second += Math.abs(combiner[c * (width + 1) + j]);
            }
        }
        assertThat(second).isGreaterThan(0);
    }

    @Test
    void train_labelWithOneExample_fallsBackToTheFirstScorer() {
        List<LabelledText> data = new ArrayList<>(tickets());
        data.add(new LabelledText("invoice", "invoice amount wrong", "Billing"));
        TextClassifier model = ClassifierTrainer.builder().seed(3).build().train(data);
        Prediction p = model.predict("printer broken", "paper jam again");
        assertThat(p.label()).isEqualTo("Hardware");
        assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void train_singleLabel_isRefused() {
        assertThatThrownBy(() -> ClassifierTrainer.defaults().train(
                List.of(new LabelledText("a", "b", "Only"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 distinct labels");
    }
}
