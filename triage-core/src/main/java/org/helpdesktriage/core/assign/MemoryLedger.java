package org.helpdesktriage.core.assign;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.helpdesktriage.core.store.TicketStore;

/** The in-memory ledger; one lock for every board, which is enough for one process. */
final class MemoryLedger implements AgentLedger {
    private final TicketStore store;
    private final Map<String, Set<String>> held = new HashMap<>();
    private final Map<String, Instant> last = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private boolean read;

    MemoryLedger(TicketStore store) {
        this.store = store;
    }

    @Override
    public Board open(AssignmentSettings settings) {
        lock.lock();
        if (!read && store != null) {
            store.scan().tickets().forEach(t -> {
                String agent = AgentLedger.assigneeOf(t);
                if (agent != null) {
                    if (settings.countsAsLoad(t.status())) {
                        held.computeIfAbsent(agent, a -> new HashSet<>()).add(t.ticketId());
                    }
                    Instant at = AgentLedger.assignedAtOf(t);
                    if (at != null) {
                        last.merge(agent, at, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            });
        }
        read = true;
        return new Board() {
            @Override
            public int load(String agentId) {
                return held.getOrDefault(agentId, Set.of()).size();
            }

            @Override
            public Instant lastAssigned(String agentId) {
                return last.get(agentId);
            }

            @Override
            public void took(String agentId, String ticketId) {
                held.computeIfAbsent(agentId, a -> new HashSet<>()).add(ticketId);
            }

            @Override
            public void released(String agentId, String ticketId) {
                Set<String> ids = held.get(agentId);
                if (ids != null) {
                    ids.remove(ticketId);
                }
            }

            @Override
            public void assigned(String agentId, Instant at) {
                last.merge(agentId, at, (a, b) -> a.isAfter(b) ? a : b);
            }

            @Override
            public void commit() {
                // memory is the record
            }

            @Override
            public void close() {
                lock.unlock();
            }
        };
    }
}
