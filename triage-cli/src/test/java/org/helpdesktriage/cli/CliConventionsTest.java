package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The conventions of Java command-line tools that users of PMD, Maven and picocli expect. */
class CliConventionsTest {

    @TempDir
    Path dir;

    @Test
    void version_isPrintedByEveryCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(environment()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15).contains(List.of("triage"),
                List.of("escalate"), List.of("cleanup"), List.of("evaluate"), List.of("train"),
                List.of("dead-letters", "retry"), List.of("completion"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            CliRun run = CliRun.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s --version", path).isZero();
            assertThat(run.out()).as("%s --version", path)
                    .startsWith("helpdesk-triage " + VersionProvider.version() + "\n");
        }
    }

    @Test
    void completion_printsABashScriptThatParsesAndCompletesCommands()
            throws IOException, InterruptedException {
        CliRun run = CliRun.run("completion");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path script = dir.resolve("helpdesk-triage-completion.bash");
        Files.writeString(script, run.out());

        assertThat(bash("bash", "-n", script.toString()).exitCode()).isZero();
        // what bash does on "helpdesk-triage dead<TAB>" and "helpdesk-triage triage --out<TAB>";
        // compopt complains outside a real completion, so its stderr is dropped
        BashRun completed = bash("bash", "-c", "source " + script
                + "; COMP_WORDS=(helpdesk-triage dead); COMP_CWORD=1; COMP_LINE='helpdesk-triage"
                + " dead'; COMP_POINT=${#COMP_LINE}; _complete_helpdesk-triage 2>/dev/null;"
                + " echo \"${COMPREPLY[@]}\";"
                + " COMP_WORDS=(helpdesk-triage triage --out); COMP_CWORD=2;"
                + " COMP_LINE='helpdesk-triage triage --out'; COMP_POINT=${#COMP_LINE};"
                + " _complete_helpdesk-triage 2>/dev/null; echo \"${COMPREPLY[@]}\"");
        assertThat(completed.exitCode()).as(completed.output()).isZero();
        assertThat(completed.output().lines()).containsExactly("dead-letters",
                "--output-format");
    }

    private record BashRun(int exitCode, String output) {
    }

    private static BashRun bash(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new BashRun(p.exitValue(), output);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        cl.getSubcommands().forEach((name, sub) -> {
            // picocli's own help command takes a command name, not options
            if (sub.getCommand() instanceof CommandLine.HelpCommand
                    || !sub.getCommandSpec().name().equals(name)) {
                return;
            }
            List<String> here = new ArrayList<>(path);
            here.add(name);
            into.add(here);
            collect(sub, here, into);
        });
    }

    private static Main.Environment environment() {
        return new Main.Environment(Map.of(), System.in, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Clock.systemUTC());
    }
}
