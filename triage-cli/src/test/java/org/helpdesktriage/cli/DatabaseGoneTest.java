package org.helpdesktriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.helpdesktriage.store.postgres.PostgresExtension;
import org.helpdesktriage.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 4: a database that goes away mid-run (here the network to it: a proxy the
 * test cuts) gives one clear line naming host and port, what was stored and that a rerun
 * resumes; exit 6, no stack trace without -v; and the rerun stores every ticket once.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseGoneTest {

    @TempDir
    Path dir;

    /** Forwards TCP connections to the server until cut: then refuses and drops them all. */
    private static final class Proxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0);
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicLong bytes = new AtomicLong();

        Proxy(int target) throws IOException {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = server.accept();
                        Socket upstream = new Socket("127.0.0.1", target);
                        sockets.add(client);
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    }
                } catch (IOException e) {
                    // cut
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                        bytes.addAndGet(n);
                    }
                } catch (IOException e) {
                    // cut
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static Map<String, String> env(String url) {
        return Map.of("HELPDESK_STORE_TYPE", "postgres", "HELPDESK_STORE_URL", url,
                "HELPDESK_DB_USER", TestPostgres.USER, "HELPDESK_DB_PASSWORD",
                TestPostgres.PASSWORD);
    }

    @Test
    void databaseGoneMidRun_isOneLineWithHostPortAndWhatWasStored_exit6_andTheRerunResumes(
            TestPostgres pg) throws Exception {
        String db = pg.newDatabase();
        assertThat(CliRun.runWith(env(pg.url(db)), "", "migrate").exitCode()).isZero();
        Path in = Files.writeString(dir.resolve("in.jsonl"), ChildCli.tickets("TKT", 30_000));
        String[] args = {"triage", in.toString(), dir.resolve("out.jsonl").toString(),
            "--parallelism", "1"};
        CliRun gone;
        try (Proxy proxy = new Proxy(pg.port())) {
            String viaProxy = pg.url(db).replace(":" + pg.port() + "/", ":" + proxy.port() + "/");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.runWith(env(viaProxy), "", args));
            ChildCli.await("a few chunks stored", 120, () -> proxy.bytes.get() > 2_000_000
                    || run.isDone());
            assertThat(run).as("still running when the database goes").isNotDone();
            proxy.close();
            gone = run.get(120, TimeUnit.SECONDS);
            assertThat(gone.err()).contains(":" + proxy.port());
        }

        assertThat(gone.exitCode()).as(gone.err()).isEqualTo(6);
        List<String> errors = gone.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).singleElement().asString()
                .contains("lost the connection to database " + db + " on 127.0.0.1:")
                .containsPattern("; \\d+ ticket\\(s\\) of this run were stored before it went")
                .contains("the rerun resumes");
        assertThat(gone.err()).doesNotContain("\tat ", "Exception", "HikariPool",
                TestPostgres.PASSWORD);

        CliRun rerun = CliRun.runWith(env(pg.url(db)), "", args);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(CliRun.runWith(env(pg.url(db)), "", "tickets", "count").out().trim())
                .isEqualTo("30000");
    }
}
