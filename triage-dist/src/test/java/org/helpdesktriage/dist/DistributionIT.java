package org.helpdesktriage.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator installs it: unpacked with tar into an empty folder (as under
 * /opt), its launchers linked into a folder on PATH, run from a third folder that holds no
 * configuration and no build.
 */
class DistributionIT {

    private static final Path TARGET = Path.of(System.getProperty("distribution.dir", "target"));
    private static final String NAME = System.getProperty("distribution.name",
            "helpdesk-triage-0.1.0-SNAPSHOT");

    @TempDir
    Path dir;

    @Test
    void unpacksAndRunsThroughASymlinkOnPath() throws Exception {
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf",
                TARGET.resolve(NAME + ".tar.gz").toAbsolutePath().toString(), "-C", opt.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        Path home = opt.resolve(NAME);
        assertThat(home.resolve("bin/helpdesk-triage")).isExecutable();
        assertThat(home.resolve("bin/helpdesk-triage-streams")).isExecutable();
        assertThat(home.resolve("lib/helpdesk-triage-all.jar")).isRegularFile();
        assertThat(home.resolve("lib/helpdesk-triage-streams-all.jar")).isRegularFile();
        assertThat(home.resolve("conf/config.json")).isRegularFile();
        assertThat(home.resolve("conf/config.schema.json")).isRegularFile();
        assertThat(home.resolve("LICENSE")).isRegularFile();
        assertThat(Files.readString(home.resolve("man/man1/helpdesk-triage.1")))
                .contains(".TH \"HELPDESK\\-TRIAGE\" \"1\"");
        assertThat(home.resolve("man/man1/helpdesk-triage-triage.1")).isRegularFile();

        // a symlink to a symlink, as ~/bin -> /usr/local/bin -> /opt often is
        Path path = Files.createDirectories(dir.resolve("bin"));
        Path local = Files.createDirectories(dir.resolve("local"));
        Files.createSymbolicLink(local.resolve("helpdesk-triage"),
                home.resolve("bin/helpdesk-triage"));
        Files.createSymbolicLink(path.resolve("helpdesk-triage"),
                Path.of("../local/helpdesk-triage"));
        Files.createSymbolicLink(path.resolve("helpdesk-triage-streams"),
                home.resolve("bin/helpdesk-triage-streams"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("tickets.json"), "{\"ticket_id\":\"TKT-1\",\"title\":"
                + "\"Printer down\",\"description\":\"The printer on floor 2 is down\","
                + "\"requester_email\":\"a@example.com\"}\n");

        Run version = run(path, work, "helpdesk-triage", "--version");
        Run streams = run(path, work, "helpdesk-triage-streams", "--version");
        Run triage = run(path, work, "helpdesk-triage", "--config",
                home.resolve("conf/config.json").toString(), "tickets.json", "out.json");

        assertThat(version.code).as(version.output).isZero();
        assertThat(version.output).startsWith("helpdesk-triage 0.1.0");
        assertThat(streams.code).as(streams.output).isZero();
        assertThat(streams.output).startsWith("helpdesk-triage-streams 0.1.0");
        assertThat(triage.code).as(triage.output).isZero();
        assertThat(Files.readString(work.resolve("out.json"))).contains("\"TKT-1\"");
    }

    @Test
    void theZipHoldsWhatTheTarHolds() throws Exception {
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "xzf",
                TARGET.resolve(NAME + ".tar.gz").toAbsolutePath().toString(), "-C", opt.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        TreeSet<String> inTar = new TreeSet<>();
        try (Stream<Path> files = Files.walk(opt)) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> inTar.add(opt.relativize(f).toString()));
        }
        TreeSet<String> inZip = new TreeSet<>();
        try (InputStream in = Files.newInputStream(TARGET.resolve(NAME + ".zip"));
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    inZip.add(e.getName());
                }
            }
        }
        assertThat(inZip).isEqualTo(inTar).contains(NAME + "/bin/helpdesk-triage");
    }

    private record Run(int code, String output) {
    }

    private static Run run(Path pathDir, Path work, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).directory(work.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", pathDir + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.remove("HELPDESK_CONFIG");
        // the command is found through PATH: the shell resolves it as an operator's would
        pb.command("sh", "-c", "exec \"$0\" \"$@\"", command[0]);
        pb.command().addAll(line.subList(1, line.size()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end in 120 s");
        }
        return new Run(p.exitValue(), output);
    }
}
