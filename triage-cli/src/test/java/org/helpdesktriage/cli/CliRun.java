package org.helpdesktriage.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** A captured run of the command line: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return runWith(Map.of(), "", args);
    }

    static CliRun runWith(Map<String, String> env, String stdin, String... args) {
        return runAt(Clock.systemUTC(), env, stdin, args);
    }

    static CliRun runAt(Clock clock, Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Main.Environment(env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), clock), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
