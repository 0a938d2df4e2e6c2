package org.helpdesktriage.core.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.helpdesktriage.core.internal.classify.ClassifierTrainer;
import org.helpdesktriage.core.internal.classify.LabelledText;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static List<LabelledText> data() {
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(new LabelledText("printer jam " + i, "paper stuck in tray", "Hardware"));
            out.add(new LabelledText("password reset " + i, "locked out of account", "Access"));
        }
        return out;
    }

    @Test
    void assignFolds_sameSeed_givesSameStratifiedFolds() {
        int[] a = new CrossValidation(4, 7).assignFolds(data());
        int[] b = new CrossValidation(4, 7).assignFolds(data());
        assertThat(a).containsExactly(b);
        int[] perFold = new int[4];
        for (int f : a) {
            perFold[f]++;
        }
        assertThat(perFold).containsOnly(10);
    }

    @Test
    void run_separableData_predictsEveryHeldOutExampleRight() {
        CrossValidationResult r = new CrossValidation(4, 7).run(data(),
                ClassifierTrainer.builder().calibrationFolds(0).build());
        assertThat(r.predictions()).hasSize(40);
        assertThat(r.metrics().accuracy()).isEqualTo(1.0);
        assertThat(r.trainingSeconds()).hasSize(4);
    }
}
