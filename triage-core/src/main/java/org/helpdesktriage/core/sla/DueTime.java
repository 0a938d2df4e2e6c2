package org.helpdesktriage.core.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a due-time computation: the moment, or why there is none. A calculator never
 * throws on an instant it is handed; a start or a result outside
 * {@link BusinessCalendar#EARLIEST} to {@link BusinessCalendar#LATEST} is a {@link Rejected}
 * with a sentence saying so.
 */
public sealed interface DueTime permits DueTime.At, DueTime.Rejected {

    /** Returns the due time, or empty when it was rejected. */
    Optional<Instant> instant();

    /**
     * A due time.
     *
     * @param time the moment the working time runs out
     */
    record At(Instant time) implements DueTime {
        /** Checks the value. */
        public At {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public Optional<Instant> instant() {
            return Optional.of(time);
        }
    }

    /**
     * No due time.
     *
     * @param reason why, as a sentence fragment naming the value ("start +1000000000-12-31T23:59:59Z
     *     is after 9999-12-31T23:59:59Z, the latest time supported")
     */
    record Rejected(String reason) implements DueTime {
        /** Checks the value. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Instant> instant() {
            return Optional.empty();
        }
    }
}
