package org.helpdesktriage.store.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster for the tests: {@code initdb} in a temporary directory, the
 * server on a free loopback port, password authentication over TCP, stopped (and its directory
 * deleted) when the test run ends, through JUnit's root store.
 *
 * <p>PostgreSQL refuses to run as root, and CI and this sandbox run as root: then the cluster
 * runs as the user {@code HELPDESK_TEST_PG_USER} names (default {@code postgres}, the user
 * Debian's package creates), through {@code runuser}. The binaries come from
 * {@code HELPDESK_TEST_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}, else the
 * PATH. One cluster serves the whole run; each test class takes a database of its own
 * ({@link #newDatabase}).
 */
public final class TestPostgres implements ExtensionContext.Store.CloseableResource {

    /** The superuser the tests log in as. */
    public static final String USER = "triage";

    /** Its password; tests check that no output ever shows it. */
    public static final String PASSWORD = "pw-Zq7!never-printed";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres shared;

    private final Path dir;
    private final int port;
    private final Process server;
    private final List<String> asUser;
    private final Path bin;

    private TestPostgres(Path dir, int port, Process server, List<String> asUser, Path bin) {
        this.dir = dir;
        this.port = port;
        this.server = server;
        this.asUser = asUser;
        this.bin = bin;
    }

    /** Returns the run's cluster, starting it on first use; JUnit stops it at the end. */
    public static synchronized TestPostgres get(ExtensionContext context) {
        if (shared == null) {
            shared = start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(TestPostgres.class.getName(), shared);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static TestPostgres start() {
        try {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("helpdesk-triage-pg-");
            List<String> asUser = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                String user = Optional.ofNullable(System.getenv("HELPDESK_TEST_PG_USER"))
                        .orElse("postgres");
                run(List.of("chown", user, dir.toString()), List.of());
                asUser = List.of("runuser", "-u", user, "--");
            }
            Path data = dir.resolve("data");
            Path pwfile = dir.resolve("pw");
            Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (!asUser.isEmpty()) {
                run(List.of("chown", asUser.get(2), pwfile.toString()), List.of());
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--pwfile=" + pwfile, "--auth-host=scram-sha-256", "--auth-local=trust",
                    "-E", "UTF8", "--no-sync"), asUser);
            int port = freePort();
            List<String> cmd = new ArrayList<>(asUser);
            cmd.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", String.valueOf(port), "-k", dir.toString(),
                    "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                    "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=100"));
            Process server = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile()).start();
            TestPostgres pg = new TestPostgres(dir, port, server, asUser, bin);
            pg.awaitReady();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test PostgreSQL: " + e, e);
        }
    }

    private static Path binaries() {
        String env = System.getenv("HELPDESK_TEST_PG_BIN");
        if (env != null) {
            return Path.of(env);
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Optional<Path> newest = versions.filter(v -> Files.isExecutable(
                        v.resolve("bin/initdb"))).max(Comparator.comparing(
                                v -> Integer.parseInt(v.getFileName().toString()
                                        .replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries: install Debian's "
                + "postgresql package (.ci/run does) or set HELPDESK_TEST_PG_BIN");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command, List<String> asUser) throws IOException {
        List<String> cmd = new ArrayList<>(asUser);
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD)) {
                return;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test PostgreSQL did not start: "
                            + e.getMessage() + "; see " + dir.resolve("server.log"), e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Returns the JDBC URL of a database of this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return port;
    }

    /** Creates an empty database and returns its name. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    /** Returns settings for a database of this cluster, logging in as {@link #USER}. */
    public PostgresSettings settings(String database) {
        return new PostgresSettings(url(database), USER, PASSWORD);
    }

    /** Runs SQL as the superuser in a database. */
    public void sql(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database), USER, PASSWORD);
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (fast shutdown) and deletes the cluster. */
    synchronized void stop() {
        if (!server.isAlive() && !Files.exists(dir)) {
            return;
        }
        try {
            List<String> cmd = new ArrayList<>(asUser);
            cmd.addAll(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D",
                    dir.resolve("data").toString(), "-m", "fast", "-w"));
            new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(30, TimeUnit.SECONDS);
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
        PostgresBackup.deleteTree(dir);
    }

    @Override
    public void close() {
        stop();
    }
}
