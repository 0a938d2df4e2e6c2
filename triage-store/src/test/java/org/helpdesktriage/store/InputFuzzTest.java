package org.helpdesktriage.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.helpdesktriage.core.ingest.InputFormat;

/**
 * Fuzz tests of every input format through the whole triage path ({@link InputPipeline} checks
 * the invariants). In the normal build each replays its corpus and every crash found so far,
 * kept under {@code src/test/resources/org/helpdesktriage/store/InputFuzzTestInputs/<method>/};
 * with {@code JAZZER_FUZZ=1} one of them fuzzes, for example:
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B test -pl triage-store -am -Dtest=InputFuzzTest#jsonLines \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Each input is six bytes of limits (record length, field and key length, nesting, keys,
 * tags: see {@link InputPipeline#limitsFrom}), then the input itself.
 */
class InputFuzzTest {

    @FuzzTest(maxDuration = "8m", maxExecutions = 250_000)
    void json(byte[] data) {
        InputPipeline.fuzz(InputFormat.JSON, data);
    }

    @FuzzTest(maxDuration = "8m", maxExecutions = 250_000)
    void jsonLines(byte[] data) {
        InputPipeline.fuzz(InputFormat.JSONL, data);
    }

    @FuzzTest(maxDuration = "8m", maxExecutions = 250_000)
    void csv(byte[] data) {
        InputPipeline.fuzz(InputFormat.CSV, data);
    }

    @FuzzTest(maxDuration = "8m", maxExecutions = 250_000)
    void text(byte[] data) {
        InputPipeline.fuzz(InputFormat.TEXT, data);
    }
}
