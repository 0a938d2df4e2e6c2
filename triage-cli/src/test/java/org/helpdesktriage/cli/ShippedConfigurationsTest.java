package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration the project ships (config.json, examples/**&#47;config*.json) passes
 * {@code config validate} and {@code lint} as shipped: one naming a file that is not shipped
 * (a model) would fail for every user who tries it.
 */
class ShippedConfigurationsTest {

    private static final Path ROOT = Path.of("..");

    static List<Path> shipped() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT.resolve("examples"))) {
            return Stream.concat(Stream.of(ROOT.resolve("config.json")), walk
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> p.getFileName().toString().matches("config.*\\.json"))
                    .sorted()).toList();
        }
    }

    @Test
    void theExamplesWithAClassifier_areAmongThem() throws IOException {
        assertThat(shipped()).contains(ROOT.resolve("examples/github-issues/config.json"),
                ROOT.resolve("examples/it-service-tickets/config-rules-model.json"));
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void configValidate_passes(Path config) {
        CliRun run = CliRun.run("config", "validate", config.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void lint_passes(Path config) {
        CliRun run = CliRun.run("lint", "--config", config.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
}
