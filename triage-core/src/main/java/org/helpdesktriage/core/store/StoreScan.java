package org.helpdesktriage.core.store;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.model.Ticket;

/**
 * The result of reading a whole store: the tickets that could be read, in id order, and the
 * records that could not.
 *
 * @param tickets the whole tickets, in id order
 * @param corrupt the unreadable records, in name order
 */
public record StoreScan(List<Ticket> tickets, List<CorruptRecord> corrupt) {

    /** Copies the lists. */
    public StoreScan {
        tickets = List.copyOf(tickets);
        corrupt = List.copyOf(corrupt);
    }

    /** Returns how many whole tickets were read. */
    public int count() {
        return tickets.size();
    }

    /** Returns whether every record could be read. */
    public boolean isComplete() {
        return corrupt.isEmpty();
    }

    /**
     * Returns the tickets when every record could be read.
     *
     * @throws TriageException with {@link ErrorCode#STORE_FAILED} naming every unreadable record
     */
    public List<Ticket> requireComplete() {
        if (!corrupt.isEmpty()) {
            throw new TriageException(ErrorCode.STORE_FAILED, corrupt.size()
                    + " stored record(s) cannot be read (" + tickets.size()
                    + " whole ticket(s) not listed): " + corrupt.stream()
                            .map(CorruptRecord::toString).collect(Collectors.joining("; ")));
        }
        return tickets;
    }

    /**
     * A stored record that cannot be read as a ticket.
     *
     * @param location where it is (for the file store, the file's path)
     * @param problem why it cannot be read, as a sentence fragment
     */
    public record CorruptRecord(String location, String problem) {

        /** Checks the arguments. */
        public CorruptRecord {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String toString() {
            return location + ": " + problem;
        }
    }
}
