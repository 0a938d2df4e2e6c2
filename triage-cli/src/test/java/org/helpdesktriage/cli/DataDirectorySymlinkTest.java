package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 29, item 1: the data directory never writes through a symbolic link it did not make. */
class DataDirectorySymlinkTest {

    @TempDir
    Path dir;

    private Path storedData(int n) throws Exception {
        Path data = dir.resolve("data");
        Path in = Files.writeString(dir.resolve("a.jsonl"), ChildCli.tickets("A", n));
        CliRun run = CliRun.run("triage", in.toString(), dir.resolve("a.out.jsonl").toString(),
                "--store", "file", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return data;
    }

    @Test
    void plantedLockLink_leavesItsTargetByteIdentical_andIsRefusedWithExit6NamingIt()
            throws Exception {
        Path data = storedData(3);
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious bytes\n");
        Files.delete(data.resolve("lock"));
        Files.createSymbolicLink(data.resolve("lock"), victim);
        Path in = Files.writeString(dir.resolve("b.jsonl"), ChildCli.tickets("B", 2));

        CliRun triage = CliRun.run("triage", in.toString(), dir.resolve("b.out.jsonl")
                .toString(), "--store", "file", "--data-dir", data.toString());
        CliRun withLock = CliRun.run("with-lock", "--data-dir", data.toString(), "--", "true");
        CliRun backup = CliRun.run("backup", "--data-dir", data.toString(), "--out",
                dir.resolve("backups").toString());
        CliRun health = CliRun.run("health", "--data-dir", data.toString());

        for (CliRun run : new CliRun[] {triage, withLock, backup}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
            assertThat(run.err()).contains(data.resolve("lock") + " is a symbolic link");
        }
        assertThat(health.exitCode()).isNotZero();
        assertThat(health.out() + health.err()).contains("symbolic links",
                data.resolve("lock").toString());
        assertThat(Files.readString(victim)).isEqualTo("precious bytes\n");
    }

    @Test
    void symlinkedTicketsFolder_isRefusedEverywhereWithTheSameMessage() throws Exception {
        Path data = storedData(3);
        Path elsewhere = dir.resolve("other-disk");
        Files.move(data.resolve("tickets"), elsewhere);
        Files.createSymbolicLink(data.resolve("tickets"), elsewhere);
        String message = data.resolve("tickets") + " is a symbolic link (to " + elsewhere
                + "); helpdesk-triage never follows links inside a data directory";
        Path in = Files.writeString(dir.resolve("b.jsonl"), ChildCli.tickets("B", 2));

        CliRun triage = CliRun.run("triage", in.toString(), dir.resolve("b.out.jsonl")
                .toString(), "--store", "file", "--data-dir", data.toString());
        CliRun backup = CliRun.run("backup", "--data-dir", data.toString(), "--out",
                dir.resolve("backups").toString());
        CliRun count = CliRun.run("tickets", "count", "--data-dir", data.toString());

        for (CliRun run : new CliRun[] {triage, backup, count}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
            assertThat(run.err()).contains(message);
        }
        assertThat(elsewhere).isDirectoryContaining(p -> true);
        assertThat(elsewhere.toFile().list()).hasSize(3);
    }

    @Test
    void symlinkLoop_isRefusedNamingIt_neverARawExceptionOrACountOfZero() throws Exception {
        Path data = storedData(3);
        Path tickets = data.resolve("tickets");
        Files.move(tickets, dir.resolve("moved"));
        Files.createSymbolicLink(tickets, tickets.getFileName());
        Path in = Files.writeString(dir.resolve("b.jsonl"), ChildCli.tickets("B", 2));

        CliRun triage = CliRun.run("triage", in.toString(), dir.resolve("b.out.jsonl")
                .toString(), "--store", "file", "--data-dir", data.toString());
        CliRun count = CliRun.run("tickets", "count", "--data-dir", data.toString());

        for (CliRun run : new CliRun[] {triage, count}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
            assertThat(run.err()).contains(tickets + " is a symbolic link")
                    .doesNotContain("Exception");
        }
        assertThat(count.out()).doesNotContain("0");
    }

    @Test
    void symlinkedTicketFile_isReportedNotReadNorQuoted() throws Exception {
        Path data = storedData(2);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0\n");
        Path link = data.resolve("tickets").resolve("ZZZ.json");
        Files.createSymbolicLink(link, secret);

        CliRun health = CliRun.run("health", "--data-dir", data.toString());
        CliRun count = CliRun.run("tickets", "count", "--data-dir", data.toString());

        assertThat(health.exitCode()).isNotZero();
        assertThat(health.out() + health.err()).contains(link.toString()).doesNotContain("root");
        assertThat(count.exitCode()).isEqualTo(6);
        assertThat(count.err()).contains(link + ": is a symbolic link").doesNotContain("root");
    }
}
