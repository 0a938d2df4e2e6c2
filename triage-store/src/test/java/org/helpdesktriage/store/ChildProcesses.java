package org.helpdesktriage.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.helpdesktriage.store.file.DataDirectoryLock;
import org.helpdesktriage.store.file.FileStore;

/**
 * Programs run in child JVMs by the tests, so that locks and crashes involve a real second
 * process: {@code hold ROOT} takes the lock and waits to be killed; {@code save ROOT} saves
 * tickets without end.
 */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Runs the named program. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "hold":
                DataDirectoryLock lock = DataDirectoryLock.acquire(root, "test-holder",
                        Duration.ZERO, Clock.systemUTC());
                System.out.println("LOCKED " + lock.holder().pid());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
                break;
            case "save":
                FileStore store = new FileStore(root);
                String big = "x".repeat(200_000);
                for (long i = 0; ; i++) {
                    store.save(TestTickets.aTicket("T-" + (i % 20)).description(big + i).build());
                    if (i == 20) {
                        System.out.println("SAVING");
                        System.out.flush();
                    }
                }
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    /** Starts a program in a child JVM and waits until it prints its first line. */
    public static Process start(String program, Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), ChildProcesses.class.getName(), program,
                root.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("child " + program + " ended before it was ready");
        }
        return p;
    }
}
