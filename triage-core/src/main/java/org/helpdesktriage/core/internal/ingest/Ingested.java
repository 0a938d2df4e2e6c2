package org.helpdesktriage.core.internal.ingest;

import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.ingest.RawRecord;
import org.helpdesktriage.core.ingest.Rejection;
import org.helpdesktriage.core.ingest.SourcePosition;
import org.helpdesktriage.core.model.Ticket;

/**
 * The outcome of normalising one {@link RawRecord}: an accepted ticket with notes on what
 * normalisation changed, or a rejection with every error found.
 */
public sealed interface Ingested permits Ingested.Accepted, Ingested.Rejected {

    /** Returns where the record came from. */
    SourcePosition position();

    /**
     * A record that became a valid ticket.
     *
     * @param ticket the normalised ticket
     * @param notes what normalisation changed, in short sentences, possibly none
     * @param position where the record came from
     */
    record Accepted(Ticket ticket, List<String> notes, SourcePosition position)
            implements Ingested {

        /** Checks the values and copies the notes. */
        public Accepted {
            Objects.requireNonNull(ticket, "ticket");
            notes = List.copyOf(notes);
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * A record that could not be parsed or did not validate.
     *
     * @param rejection the errors, the position and the raw text
     */
    record Rejected(Rejection rejection) implements Ingested {

        /** Checks the value. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public SourcePosition position() {
            return rejection.position();
        }
    }
}
