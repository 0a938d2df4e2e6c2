package org.helpdesktriage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import picocli.CommandLine.Option;

/**
 * The shadow mode of triage: a candidate configuration (--shadow, else the configuration's
 * {@code shadow} key) that decides every record beside the live one and changes nothing; its
 * agreements go to the summary line, the run record and the metrics.
 */
final class ShadowOption {

    static final String METRIC = "helpdesk_triage_shadow_decisions_total";

    @Option(names = "--shadow", paramLabel = "CANDIDATE",
            description = "Runs the candidate configuration CANDIDATE in shadow mode: the live "
                    + "configuration decides and acts; the candidate decides every record too, "
                    + "stores nothing, and each result carries its decision (a shadow object; "
                    + "shadow_* columns in CSV). The summary line, the run record and the "
                    + "metrics count agreements and disagreements. Default: the shadow key of "
                    + "the configuration.")
    Path file;

    private Optional<TriageConfig> candidate;
    private Path path;
    private boolean loading;

    /**
     * Loads the candidate once: --shadow, else the {@code shadow} key of {@code live} (already
     * relative to its file's folder), else none.
     */
    Optional<TriageConfig> candidate(TriageConfig live, Optional<Path> liveFile,
            Map<String, String> env) {
        if (candidate == null) {
            path = file != null ? file : live.shadowSetting().orElse(null);
            String which = file != null ? "--shadow " + file
                    : "shadow in " + liveFile.map(Path::toString).orElse("the configuration")
                            + ": " + path;
            candidate = Optional.ofNullable(path).map(p -> AbstractCommand.loadAs(
                    "the shadow configuration (" + which + ")",
                    () -> ConfigLoader.load(Optional.of(p), env, Map.of(),
                            ConfigOptions.OWNERS)));
        }
        return candidate;
    }

    /**
     * Loads the candidate with the live configuration, once: {@code live} comes from a
     * configuration whose loading calls this again, which returns at once.
     */
    void loadOnce(TriageConfig live, Supplier<StoreConfiguration> configuration,
            Map<String, String> env) {
        if (!loading) {
            loading = true;
            candidate(live, configuration.get().file(), env);
        }
    }

    /** Gives {@code engine} the candidate loaded by {@link #loadOnce}, if any. */
    TriageEngine.Builder withCandidate(TriageEngine.Builder engine) {
        if (candidate != null) {
            candidate.ifPresent(engine::shadow);
        }
        return engine;
    }

    /** Declares the agreement counters at zero, when a candidate runs. */
    void declare(Metrics metrics) {
        if (candidate != null && candidate.isPresent()) {
            for (String result : List.of("agree", "disagree")) {
                metrics.declare(METRIC, Map.of("result", result));
            }
        }
    }

    /**
     * Counts what the engine's shadow decided into the run record and the metrics, and returns
     * the summary line's part: ", shadow agreed N, disagreed M", or "" without a shadow.
     */
    String report(TriageEngine engine, Metrics metrics, Map<String, Long> counts,
            Map<String, String> details) {
        Optional<TriageEngine.ShadowStats> shadow = engine.shadowStats();
        if (shadow.isEmpty()) {
            return "";
        }
        TriageEngine.ShadowStats s = shadow.get();
        details.put("shadow", path.toString());
        details.put("shadow_fingerprint", s.fingerprint());
        counts.put("shadow_agreed", s.agreements());
        counts.put("shadow_disagreed", s.disagreements());
        metrics.add(METRIC, Map.of("result", "agree"), s.agreements());
        metrics.add(METRIC, Map.of("result", "disagree"), s.disagreements());
        return ", shadow agreed " + s.agreements() + ", disagreed " + s.disagreements();
    }
}
