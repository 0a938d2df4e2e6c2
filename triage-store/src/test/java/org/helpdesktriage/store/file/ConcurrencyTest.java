package org.helpdesktriage.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesktriage.store.TestTickets.ticket;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.helpdesktriage.core.store.TicketStore;
import org.helpdesktriage.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @TempDir
    Path root;

    @Test
    void parallelSaves_areAllKept_inBothStores() {
        for (TicketStore store : new TicketStore[] {new MemoryStore(), new FileStore(root)}) {
            IntStream.range(0, 400).parallel().forEach(i -> {
                store.save(ticket("T-" + (i % 100)));
                store.get("T-" + (i % 100)).orElseThrow();
            });
            assertThat(store.count()).as(store.getClass().getSimpleName()).isEqualTo(100);
            assertThat(store.scan().corrupt()).isEmpty();
        }
        assertThat(new FileStore(root).strayTempFiles()).isEmpty();
    }
}
