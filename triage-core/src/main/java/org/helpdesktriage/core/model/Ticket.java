package org.helpdesktriage.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A helpdesk ticket: immutable, with the thirteen fields in the order they are written out.
 *
 * <p>{@code assignedTo} and {@code score} are {@code null} until the ticket has been triaged;
 * use {@link #assignee()} and {@link #scoreValue()} for an {@link Optional} view. Metadata keeps
 * the insertion order of its keys; its values are JSON-like: strings, numbers, booleans, lists
 * and maps.
 *
 * @param ticketId the id, matching {@code ^[A-Z0-9-]+$}
 * @param title the one-line summary
 * @param description the body text
 * @param requesterEmail who asked
 * @param category the category name, one of the configured categories
 * @param priority the urgency
 * @param status the life-cycle state
 * @param createdAt when the ticket was opened
 * @param updatedAt when the ticket last changed
 * @param assignedTo the team or person it is assigned to, or {@code null}
 * @param tags free labels, in order, without duplicates
 * @param metadata every other input field, by key
 * @param score the triage score in [0, 1], or {@code null} before scoring
 */
public record Ticket(
        String ticketId,
        String title,
        String description,
        String requesterEmail,
        String category,
        Priority priority,
        Status status,
        Instant createdAt,
        Instant updatedAt,
        String assignedTo,
        List<String> tags,
        Map<String, Object> metadata,
        Double score) {

    /** The field names, in output order. */
    public static final List<String> FIELDS = List.of(
            "ticket_id", "title", "description", "requester_email", "category", "priority",
            "status", "created_at", "updated_at", "assigned_to", "tags", "metadata", "score");

    /** Checks every required field and copies the collections. */
    public Ticket {
        Objects.requireNonNull(ticketId, "ticketId");
        if (hasControlCharacter(ticketId)) {
            // one rule for every store: PostgreSQL text cannot hold a NUL, a file name should not
            throw new IllegalArgumentException("ticketId '" + ticketId.replaceAll(
                    "\\p{Cntrl}", "?") + "' holds a control character; ticket ids never do");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(requesterEmail, "requesterEmail");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(tags);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (score != null && !(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score " + score + " is outside [0, 1]");
        }
    }

    // a loop, not a stream: every ticket made runs it
    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the assignee, or empty when the ticket is unassigned. */
    public Optional<String> assignee() {
        return Optional.ofNullable(assignedTo);
    }

    /** Returns the score, or empty before the ticket has been scored. */
    public Optional<Double> scoreValue() {
        return Optional.ofNullable(score);
    }

    /** Returns the domain part of the requester's e-mail address, lower-cased. */
    public String requesterDomain() {
        int at = requesterEmail.lastIndexOf('@');
        return at < 0 ? "" : requesterEmail.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Returns a copy moved to {@code newStatus} at {@code when}.
     *
     * @throws IllegalStateException when the move is not legal (a closed ticket is final)
     */
    public Ticket withStatus(Status newStatus, Instant when) {
        status.checkTransition(newStatus);
        return new Ticket(ticketId, title, description, requesterEmail, category, priority,
                newStatus, createdAt, when, assignedTo, tags, metadata, score);
    }

    /** Returns a copy with the outcome of triage applied. */
    public Ticket withTriage(String newCategory, Priority newPriority, String newAssignee,
            List<String> newTags, double newScore, Status newStatus, Instant when) {
        status.checkTransition(newStatus);
        return new Ticket(ticketId, title, description, requesterEmail, newCategory, newPriority,
                newStatus, createdAt, when, newAssignee, newTags, metadata, newScore);
    }

    /** Returns a copy with {@code newPriority} and {@code newStatus}, and metadata entries added. */
    public Ticket withEscalation(Priority newPriority, Status newStatus,
            Map<String, Object> extraMetadata, Instant when) {
        status.checkTransition(newStatus);
        Map<String, Object> merged = new LinkedHashMap<>(metadata);
        merged.putAll(extraMetadata);
        return new Ticket(ticketId, title, description, requesterEmail, category, newPriority,
                newStatus, createdAt, when, assignedTo, tags, merged, score);
    }

    /** Returns a builder for tickets, for code that creates them by hand. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Ticket}; unset optional fields take neutral defaults. */
    public static final class Builder {
        private String ticketId;
        private String title;
        private String description;
        private String requesterEmail;
        private String category = "general";
        private Priority priority = Priority.MEDIUM;
        private Status status = Status.NEW;
        private Instant createdAt;
        private Instant updatedAt;
        private String assignedTo;
        private List<String> tags = List.of();
        private Map<String, Object> metadata = Map.of();
        private Double score;

        private Builder() {
        }

        /** Sets the id. */
        public Builder ticketId(String value) {
            this.ticketId = value;
            return this;
        }

        /** Sets the title. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Sets the description. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Sets the requester's e-mail address. */
        public Builder requesterEmail(String value) {
            this.requesterEmail = value;
            return this;
        }

        /** Sets the category. */
        public Builder category(String value) {
            this.category = value;
            return this;
        }

        /** Sets the priority. */
        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        /** Sets the status. */
        public Builder status(Status value) {
            this.status = value;
            return this;
        }

        /** Sets when the ticket was created (and, unless set, updated). */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /** Sets when the ticket was last updated. */
        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        /** Sets the assignee. */
        public Builder assignedTo(String value) {
            this.assignedTo = value;
            return this;
        }

        /** Sets the tags. */
        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        /** Sets the metadata. */
        public Builder metadata(Map<String, Object> value) {
            this.metadata = value;
            return this;
        }

        /** Sets the score. */
        public Builder score(Double value) {
            this.score = value;
            return this;
        }

        /** Returns the ticket. */
        public Ticket build() {
            Instant created = Objects.requireNonNull(createdAt, "createdAt");
            return new Ticket(ticketId, title, description, requesterEmail, category, priority,
                    status, created, updatedAt == null ? created : updatedAt, assignedTo, tags,
                    metadata, score);
        }
    }
}
