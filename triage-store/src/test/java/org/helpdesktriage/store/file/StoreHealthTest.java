package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.helpdesktriage.store.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreHealthTest {

    @TempDir
    Path root;

    @Test
    void healthyDirectory_passesEveryCheck() {
        try (DataDirectory d = DataDirectory.openForWriting(root, "run", Duration.ZERO,
                Clock.systemUTC())) {
            d.tickets().save(ticket("T-1"));
        }
        List<HealthCheck> checks = StoreHealth.check(root, 0);
        assertThat(checks).extracting(HealthCheck::name).containsExactly("data directory",
                "disk space", "data directory contents", "format version", "lock",
                "ticket files", "temporary files", "audit log", "run records", "dead letters",
                "symbolic links");
        assertThat(checks).noneMatch(HealthCheck::warning);
        assertThat(HealthCheck.healthy(checks)).as(checks.toString()).isTrue();
    }

    @Test
    void corruptAndStrayFiles_andLowDisk_areNamed() throws Exception {
        FileStore store = new FileStore(root);
        store.save(ticket("T-1"));
        Files.writeString(store.fileOf("T-1"), "{");
        Files.writeString(store.directory().resolve(".tmp-abc"), "x");
        List<HealthCheck> checks = StoreHealth.check(root, Long.MAX_VALUE);
        assertThat(HealthCheck.healthy(checks)).isFalse();
        assertThat(checks).filteredOn(c -> !c.ok()).extracting(HealthCheck::name)
                .containsExactly("disk space", "ticket files");
        assertThat(checks).filteredOn(HealthCheck::warning).extracting(HealthCheck::name)
                .containsExactly("temporary files");
        assertThat(checks).filteredOn(c -> c.name().equals("ticket files")).singleElement()
                .extracting(HealthCheck::detail).asString().contains("T-1.json");
    }

    @Test
    void missingDirectory_failsClearly() {
        List<HealthCheck> checks = StoreHealth.check(root.resolve("nope"));
        assertThat(checks).singleElement().extracting(HealthCheck::detail).asString()
                .endsWith("does not exist");
    }
}
