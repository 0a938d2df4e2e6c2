package org.helpdesktriage.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's main method and returns what it printed on standard output. */
final class ExampleRun {

    /** An example's main method, which may throw what main throws. */
    interface Main {
        void run() throws Exception;
    }

    private ExampleRun() {
    }

    /** Returns what {@code main} printed; what it threw, unchecked, is thrown on. */
    static String stdout(Main main) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the example failed: " + e, e);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
