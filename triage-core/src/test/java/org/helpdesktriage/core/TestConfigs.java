package org.helpdesktriage.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;

/** Loads configurations written for a test, through the same loader as the command line. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** Writes {@code json} to {@code dir/config.json} and loads it over the defaults. */
    public static TriageConfig load(Path dir, String json) {
        Path file = dir.resolve("config.json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
    }
}
