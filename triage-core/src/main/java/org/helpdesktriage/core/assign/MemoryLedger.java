package org.helpdesktriage.core.assign;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.helpdesktriage.core.store.TicketStore;

/**
 * The in-memory ledger; one lock for every board, which is enough for one process. It keeps a
 * count per agent, not the tickets' ids, so its memory stays the roster's size however many
 * tickets a run assigns: the storing step calls {@code took} and {@code released} exactly once
 * per change of a ticket's assignee or load status.
 */
final class MemoryLedger implements AgentLedger {
    private final TicketStore store;
    private final Map<String, Integer> held = new HashMap<>();
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
                        held.merge(agent, 1, Integer::sum);
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
                return held.getOrDefault(agentId, 0);
            }

            @Override
            public Instant lastAssigned(String agentId) {
                return last.get(agentId);
            }

            @Override
            public void took(String agentId, String ticketId) {
                held.merge(agentId, 1, Integer::sum);
            }

            @Override
            public void released(String agentId, String ticketId) {
                held.computeIfPresent(agentId, (a, n) -> n > 1 ? n - 1 : null);
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
