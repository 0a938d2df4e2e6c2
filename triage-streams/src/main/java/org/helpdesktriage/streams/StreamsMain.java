package org.helpdesktriage.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.helpdesktriage.core.TriageEngine;
import org.helpdesktriage.core.config.ConfigLoader;
import org.helpdesktriage.core.config.TriageConfig;
import org.helpdesktriage.core.error.TriageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code helpdesk-triage-streams}: runs triage as a Kafka Streams application until stopped
 * (SIGTERM or Ctrl-C close it cleanly). Start more instances with the same application id to
 * share the input topic's partitions.
 */
@Command(name = "helpdesk-triage-streams", mixinStandardHelpOptions = true,
        versionProvider = StreamsMain.Version.class,
        showDefaultValues = true,
        description = {"Triages tickets from a Kafka topic as a Kafka Streams application: "
                + "JSON tickets in, results out keyed by ticket id, rejects with their reason to "
                + "a dead-letter topic, exactly once (processing.guarantee exactly_once_v2).",
            "Start more instances with the same --application-id to share the input topic's "
                + "partitions; stop one with SIGTERM."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:Kafka Streams failed",
            "2:the command line is wrong", "3:the configuration is invalid"})
public final class StreamsMain implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", required = true,
            description = "The Kafka brokers.")
    String bootstrapServers;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "helpdesk-triage",
            description = "The Kafka Streams application id; instances with the same id share "
                    + "the work.")
    String applicationId;

    @Option(names = "--input-topic", paramLabel = "TOPIC", defaultValue = "tickets",
            description = "Where tickets arrive, one JSON object per record.")
    String input;

    @Option(names = "--output-topic", paramLabel = "TOPIC", defaultValue = "tickets-triaged",
            description = "Where results go, keyed by ticket id.")
    String output;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            defaultValue = "tickets-dead-letters",
            description = "Where records that cannot be triaged go, with their reason.")
    String deadLetters;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file. Default: ./config.json if present, else the "
                    + "built-in defaults.")
    Path config;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Stream threads in this instance.")
    int threads;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams' local state directory. Default: Kafka Streams' own.")
    Path stateDir;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "A further Kafka Streams or client property (repeatable), e.g. "
                    + "-p commit.interval.ms=200.")
    Map<String, String> properties = new LinkedHashMap<>();

    private StreamsMain() {
    }

    /** Runs the application and exits with its exit code. */
    public static void main(String... args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cl = new CommandLine(new StreamsMain());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            return e instanceof TriageException ? 3 : 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<Path> file = Optional.ofNullable(config)
                .or(() -> Files.isRegularFile(Path.of("config.json"))
                        ? Optional.of(Path.of("config.json")) : Optional.empty());
        TriageConfig triage = ConfigLoader.load(file, System.getenv(), Map.of());
        TriageEngine engine = TriageEngine.builder().config(triage).build();
        KafkaStreams streams = new KafkaStreams(TriageTopology.build(engine,
                new TriageTopology.Topics(input, output, deadLetters)),
                new StreamsSettings(bootstrapServers, applicationId, threads, stateDir,
                        properties).properties());
        CountDownLatch stopped = new CountDownLatch(1);
        boolean[] failed = {false};
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                failed[0] = true;
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }, "helpdesk-triage-streams-shutdown"));
        System.err.println("helpdesk-triage-streams: application " + applicationId + " on "
                + bootstrapServers + ": " + input + " -> " + output + ", dead letters to "
                + deadLetters + " (config fingerprint " + engine.fingerprint() + ")");
        streams.start();
        stopped.await();
        streams.close(Duration.ofSeconds(30));
        return failed[0] ? 1 : 0;
    }

    /** Reads the program version that the build wrote into its properties file. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = StreamsMain.class.getResourceAsStream(
                    "/helpdesk-triage-streams.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"helpdesk-triage-streams " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vm.name") + ")"};
        }
    }
}
