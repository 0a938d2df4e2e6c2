package org.helpdesktriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Runs helpdesk-triage, or another test program, in a child JVM, for crash and lock tests. */
final class ChildCli {

    private ChildCli() {
    }

    /** Returns the command line of a child JVM running {@code mainClass} with {@code args}. */
    static List<String> java(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code helpdesk-triage args} in a child JVM, its stderr going to {@code err}. */
    static Process start(Path err, String... args) throws IOException {
        return new ProcessBuilder(java(Main.class, args)).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Polls (every millisecond) until {@code done}, failing after {@code seconds}. */
    static void await(String what, long seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Returns how many ticket files {@code data}/tickets holds (temporary files aside). */
    static long ticketFiles(Path data) {
        Path tickets = data.resolve("tickets");
        if (!Files.isDirectory(tickets)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(tickets)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // listed while a file was renamed: try again
        }
    }

    /** Returns a JSON Lines input of {@code n} valid tickets with ids {@code prefix-i}. */
    static String tickets(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"ticket_id\":\"").append(prefix).append('-').append(i)
                    .append("\",\"title\":\"Printer ").append(i).append("\",\"description\":"
                            + "\"The printer is jammed again\",\"requester_email\":\"u")
                    .append(i).append("@example.com\"}\n");
        }
        return sb.toString();
    }
}
