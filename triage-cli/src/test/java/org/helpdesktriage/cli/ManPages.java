package org.helpdesktriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Generates the man pages (AsciiDoc, one per command) from the command model with picocli-codegen.
 * The build runs it into {@code triage-cli/target/man}; {@code ManPagesTest} checks that
 * {@code docs/man} holds the same pages.
 */
public final class ManPages {

    private ManPages() {
    }

    /** Writes the pages into the directory given as the only argument. */
    public static void main(String... args) {
        generate(Path.of(args[0]));
    }

    static void generate(Path dir) {
        CommandLine cl = Main.commandLine(new Main.Environment(Map.of(), System.in,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Clock.systemUTC()));
        // the program's version only: the JVM's, which --version adds, differs by machine
        stableVersion(cl);
        try {
            Files.createDirectories(dir);
            int code = ManPageGenerator.generateManPage(dir.toFile(), null, new boolean[0], false,
                    cl.getCommandSpec());
            if (code != 0) {
                throw new IllegalStateException("picocli's ManPageGenerator failed: " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stableVersion(CommandLine cl) {
        cl.getCommandSpec().versionProvider(
                () -> new String[] {"helpdesk-triage " + VersionProvider.version()});
        cl.getSubcommands().values().forEach(ManPages::stableVersion);
    }
}
