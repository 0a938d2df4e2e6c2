package org.helpdesktriage.core.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;

/**
 * A store that several processes can work through at once without two of them taking the same
 * ticket: it hands out its unfinished tickets in batches, each batch claimed (locked against
 * every other claimer) until the changes made to it are saved. The escalation sweep uses it, so
 * that two sweeps at once escalate each ticket exactly once; the PostgreSQL store implements it
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED}.
 *
 * <pre>{@code
 * if (store instanceof ClaimingStore claims) {
 *     claims.claimUnfinished(500, batch -> ClaimingStore.Changes.of(escalate(batch)));
 * }
 * }</pre>
 */
public interface ClaimingStore {

    /**
     * Claims the unfinished tickets (status neither resolved nor closed) in id order, in
     * batches of at most {@code batchSize}, passing over those another claimer holds; hands
     * each batch to {@code work}, then saves the tickets and appends the audit entries it
     * returns in the same transaction as the claim, which ends the claim. A ticket claimed and
     * changed by another claimer meanwhile is seen with its change.
     *
     * @param batchSize the most tickets claimed at once, at least 1
     * @param audit where the entries {@code work} returns are appended
     * @param work decides what changes in a batch; called on the calling thread
     * @return the claimed records that could not be read as tickets (they are left unchanged)
     */
    List<CorruptRecord> claimUnfinished(int batchSize, AuditLog audit,
            Function<List<Ticket>, Changes> work);

    /**
     * What the work on one claimed batch changed.
     *
     * @param tickets the tickets to save
     * @param entries their audit entries
     */
    record Changes(List<Ticket> tickets, List<AuditLog.Entry> entries) {

        /** Copies the lists. */
        public Changes {
            tickets = List.copyOf(Objects.requireNonNull(tickets, "tickets"));
            entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        }

        /** Returns the changes that change nothing. */
        public static Changes none() {
            return new Changes(List.of(), List.of());
        }
    }
}
