package org.helpdesktriage.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Status;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.helpdesktriage.core.store.ClaimingStore;
import org.helpdesktriage.core.store.StoreScan.CorruptRecord;
import org.helpdesktriage.core.store.StoreScan;
import org.helpdesktriage.core.store.TicketStore;

/**
 * A {@link TicketStore} in the {@code tickets} table of a PostgreSQL database: one row per
 * ticket id, shared by every process that opens the database.
 *
 * <p>{@link #saveAll} writes a chunk in one transaction with one batched upsert
 * ({@code INSERT ... SELECT FROM unnest(...) ON CONFLICT (ticket_id) DO UPDATE}), together with
 * the chunk's audit entries when the audit log is this database's: two runs over overlapping
 * inputs end with exactly one row per id, and a crash leaves a chunk whole or absent. Rows are
 * written in id order, so concurrent chunks lock them in one order; a deadlock all the same is
 * retried. {@link #claimUnfinished} hands out unfinished tickets locked with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent escalation sweeps never take the same ticket.
 */
public final class PostgresTicketStore implements TicketStore, ClaimingStore {

    static final String ON_CONFLICT = "ON CONFLICT (ticket_id) DO UPDATE SET "
            + "status = EXCLUDED.status, priority = EXCLUDED.priority, "
            + "category = EXCLUDED.category, assigned_to = EXCLUDED.assigned_to, "
            + "created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, "
            + "body = EXCLUDED.body";

    static final String UPSERT = "INSERT INTO tickets (ticket_id, status, priority, category, "
            + "assigned_to, created_at, updated_at, body) SELECT * FROM unnest(?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], "
            + "?::json[]) " + ON_CONFLICT;

    /** From this many rows on, a write goes through COPY ({@link CopyRows}). */
    static final int COPY_FROM = 32;

    private static final String UNFINISHED = Arrays.stream(Status.values())
            .filter(Status::isFinished).map(s -> "'" + s.id() + "'")
            .collect(Collectors.joining(", ", "status NOT IN (", ")"));

    private final PostgresDatabase db;

    PostgresTicketStore(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Transactions.run(db, "cannot save ticket '" + ticket.ticketId() + "'", c -> {
            upsert(c, List.of(ticket));
            return null;
        });
    }

    /** Returns true: a run's chunk goes in one transaction. */
    @Override
    public boolean savesInChunks() {
        return true;
    }

    @Override
    public void saveAll(List<Ticket> tickets, AuditLog audit, List<AuditLog.Entry> entries) {
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(entries, "entries");
        boolean ours = audit == db.audit();
        Transactions.run(db, "cannot save " + tickets.size() + " ticket(s)", c -> {
            upsert(c, tickets);
            if (ours) {
                PostgresAuditLog.insert(c, entries);
            }
            return null;
        });
        if (!ours) {
            entries.forEach(audit::append);
        }
    }

    /** Upserts tickets; the last of each id wins, and rows are written in id order. */
    static void upsert(Connection c, List<Ticket> tickets) throws SQLException {
        if (tickets.isEmpty()) {
            return;
        }
        Map<String, Ticket> byId = new LinkedHashMap<>();
        tickets.forEach(t -> byId.put(t.ticketId(), t));
        List<Ticket> rows = new ArrayList<>(byId.values());
        rows.sort(Comparator.comparing(Ticket::ticketId));
        if (rows.size() >= COPY_FROM) {
            CopyRows.upsertTickets(c, rows);
            return;
        }
        int n = rows.size();
        String[][] cols = new String[8][n];
        for (int i = 0; i < n; i++) {
            Ticket t = rows.get(i);
            cols[0][i] = t.ticketId();
            cols[1][i] = t.status().id();
            cols[2][i] = t.priority().id();
            cols[3][i] = t.category();
            cols[4][i] = t.assignedTo();
            cols[5][i] = t.createdAt().toString();
            cols[6][i] = t.updatedAt().toString();
            cols[7][i] = TicketJson.toJson(t);
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 1, c.createArrayOf("text", cols[k]));
            }
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Ticket> get(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT body::text FROM tickets WHERE ticket_id = ?")) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(parse(ticketId, rs.getString(1)));
            }
        } catch (SQLException e) {
            throw db.failure("cannot read ticket '" + ticketId + "'", e);
        }
    }

    @Override
    public Map<String, Ticket> getAll(Collection<String> ticketIds) {
        Objects.requireNonNull(ticketIds, "ticketIds");
        Map<String, Ticket> found = new LinkedHashMap<>();
        if (ticketIds.isEmpty()) {
            return found;
        }
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT ticket_id, body::text FROM tickets WHERE ticket_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ticketIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), parse(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw db.failure("cannot read " + ticketIds.size() + " ticket(s)", e);
        }
        return found;
    }

    /** Parses a row's body; refuses a body that is no ticket, or another id's. */
    static Ticket parse(String ticketId, String body) {
        String where = "tickets row '" + ticketId + "'";
        Ticket t;
        try {
            t = TicketJson.fromJson(body, where);
        } catch (TriageException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, e.getMessage(), e);
        }
        if (!t.ticketId().equals(ticketId)) {
            throw new TriageException(ErrorCode.STORE_FAILED, where + " holds ticket '"
                    + t.ticketId() + "'");
        }
        return t;
    }

    @Override
    public boolean delete(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        return Transactions.run(db, "cannot delete ticket '" + ticketId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM tickets WHERE ticket_id = ?")) {
                ps.setString(1, ticketId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public StoreScan scan() {
        List<Ticket> tickets = new ArrayList<>();
        List<CorruptRecord> corrupt = new ArrayList<>();
        Transactions.run(db, "cannot read the tickets", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ticket_id, body::text FROM tickets ORDER BY ticket_id")) {
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read(rs.getString(1), rs.getString(2), tickets, corrupt);
                    }
                }
            }
            return null;
        });
        return new StoreScan(tickets, corrupt);
    }

    private static void read(String id, String body, List<Ticket> tickets,
            List<CorruptRecord> corrupt) {
        try {
            tickets.add(parse(id, body));
        } catch (TriageException e) {
            String msg = e.getMessage();
            String where = "tickets row '" + id + "'";
            corrupt.add(new CorruptRecord(where, msg.startsWith(where)
                    ? msg.substring(where.length()).replaceFirst("^[:\\s]+", "") : msg));
        }
    }

    @Override
    public void clear() {
        Transactions.run(db, "cannot delete the tickets", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tickets")) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<CorruptRecord> claimUnfinished(int batchSize, AuditLog audit,
            Function<List<Ticket>, Changes> work) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(work, "work");
        boolean ours = audit == db.audit();
        List<CorruptRecord> corrupt = new ArrayList<>();
        String sql = "SELECT ticket_id, body::text FROM tickets WHERE " + UNFINISHED
                + " AND ticket_id > ? ORDER BY ticket_id LIMIT ? FOR UPDATE SKIP LOCKED";
        String after = "";
        while (true) {
            String from = after;
            List<AuditLog.Entry> toAppend = new ArrayList<>();
            // not retried: a claim never waits on a row lock (SKIP LOCKED), so it cannot
            // deadlock, and the work's report (the sweep's escalations) must happen once
            Claimed claimed = Transactions.once(db, "cannot claim tickets to escalate", c -> {
                List<Ticket> batch = new ArrayList<>();
                List<CorruptRecord> bad = new ArrayList<>();
                String last = null;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, from);
                    ps.setInt(2, batchSize);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getString(1);
                            read(last, rs.getString(2), batch, bad);
                        }
                    }
                }
                if (last == null) {
                    return null;
                }
                Changes changes = work.apply(batch);
                upsert(c, changes.tickets());
                if (ours) {
                    PostgresAuditLog.insert(c, changes.entries());
                } else {
                    toAppend.addAll(changes.entries());
                }
                return new Claimed(last, bad);
            });
            if (claimed == null) {
                return corrupt;
            }
            toAppend.forEach(audit::append);
            corrupt.addAll(claimed.unreadable());
            after = claimed.last();
        }
    }

    /** What one claim took: the last id it saw, and the rows it could not read. */
    private record Claimed(String last, List<CorruptRecord> unreadable) {
    }
}
