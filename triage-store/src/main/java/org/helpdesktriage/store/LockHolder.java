package org.helpdesktriage.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds (or held) the data directory lock, as written in the lock file.
 *
 * @param pid the process id
 * @param host the host name
 * @param since when the lock was taken
 * @param command what the holder is doing ("run", "restore")
 */
public record LockHolder(long pid, String host, Instant since, String command) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Checks the arguments. */
    public LockHolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(command, "command");
    }

    /** Returns a holder describing this process. */
    public static LockHolder self(Instant since, String command) {
        return new LockHolder(ProcessHandle.current().pid(), hostName(), since, command);
    }

    /** Returns this machine's name, without a DNS look-up where the environment names it. */
    static String hostName() {
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** Returns the lock file body: one JSON object. */
    public byte[] toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("pid", pid);
        n.put("host", host);
        n.put("since", since.toString());
        n.put("command", command);
        return (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a lock file body; empty when it is blank or not a holder. */
    public static Optional<LockHolder> parse(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject() || !n.path("pid").canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new LockHolder(n.path("pid").asLong(), n.path("host").asText("?"),
                    Instant.parse(n.path("since").asText()), n.path("command").asText("?")));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Returns whether this holder ran on another host than this one. */
    public boolean onAnotherHost() {
        return !host.equalsIgnoreCase(hostName());
    }

    /**
     * Describes the holder as {@link #toString()} does, adding "(another host)" after a host
     * that is not this one.
     */
    public String describe() {
        return "pid " + pid + " on host " + host + (onAnotherHost() ? " (another host)" : "")
                + " since " + since + " (command " + command + ")";
    }

    /** Describes the holder: "pid 1234 on host h since 2026-11-23T09:00:00Z (command run)". */
    @Override
    public String toString() {
        return "pid " + pid + " on host " + host + " since " + since + " (command " + command + ")";
    }
}
