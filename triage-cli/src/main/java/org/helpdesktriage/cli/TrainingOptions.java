package org.helpdesktriage.cli;

import org.helpdesktriage.core.internal.classify.ClassifierTrainer;
import org.helpdesktriage.core.internal.classify.FeatureSettings;
import picocli.CommandLine.Option;

/** The options of commands that train models (train, evaluate with folds). */
final class TrainingOptions {

    @Option(names = "--c", paramLabel = "C", defaultValue = "12",
            description = "The inverse regularisation strength: higher fits the data closer "
                    + "(12 suits short tickets by the ten thousand; 40 measured best on a few "
                    + "hundred long GitHub issues per model).")
    double c;

    @Option(names = "--title-zone",
            description = "Makes the title's words features of their own, beside the same "
                    + "words anywhere in the text (helps where titles are short summaries of "
                    + "long bodies; see docs/quality.md).")
    boolean titleZone;

    /** Returns the trainer these options describe. */
    ClassifierTrainer trainer(long seed) {
        return ClassifierTrainer.builder().c(c).seed(seed)
                .features(FeatureSettings.DEFAULT.withTitleZone(titleZone)).build();
    }
}
