package org.helpdesktriage.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;
import org.helpdesktriage.core.store.AuditLog;

/**
 * The audit log in the {@code audit_log} table: append only, ordered by a sequence, so entries
 * from every process that shares the database interleave in the order they were committed.
 * An entry is durable when {@link #append} returns; entries saved with their tickets
 * ({@link PostgresTicketStore#saveAll}) commit with them.
 */
public final class PostgresAuditLog implements AuditLog {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String INSERT = "INSERT INTO audit_log (time, actor, action, ticket_id,"
            + " changes, run_id) SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], "
            + "?::text[], ?::json[], ?::text[])";

    private final PostgresDatabase db;

    PostgresAuditLog(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void append(AuditLog.Entry entry) {
        Objects.requireNonNull(entry, "entry");
        Transactions.run(db, "cannot append to the audit log", c -> {
            insert(c, List.of(entry));
            return null;
        });
    }

    /** Inserts entries in order, in the caller's transaction. */
    static void insert(Connection c, List<AuditLog.Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() >= PostgresTicketStore.COPY_FROM) {
            CopyRows.insertAudit(c, entries);
            return;
        }
        int n = entries.size();
        String[][] cols = new String[6][n];
        for (int i = 0; i < n; i++) {
            AuditLog.Entry e = entries.get(i);
            cols[0][i] = e.time().toString();
            cols[1][i] = e.actor();
            cols[2][i] = e.action();
            cols[3][i] = e.ticketId();
            cols[4][i] = changesJson(e.changes());
            cols[5][i] = e.runId();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 1, c.createArrayOf("text", cols[k]));
            }
            ps.executeUpdate();
        }
    }

    static String changesJson(Map<String, AuditLog.Entry.Change> changes) {
        ObjectNode n = MAPPER.createObjectNode();
        changes.forEach((field, ch) -> n.putObject(field).put("from", ch.from()).put("to",
                ch.to()));
        return n.toString();
    }

    static Map<String, AuditLog.Entry.Change> changesOf(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            Map<String, AuditLog.Entry.Change> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.put(f.getKey(), new AuditLog.Entry.Change(text(f.getValue().get("from")),
                        text(f.getValue().get("to"))));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, "an audit_log row's changes are "
                    + "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    @Override
    public List<AuditLog.Entry> query(AuditLog.Query query) {
        Objects.requireNonNull(query, "query");
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (query.ticketId() != null) {
            where.append(" AND ticket_id = ?");
            args.add(query.ticketId());
        }
        if (query.actor() != null) {
            where.append(" AND actor = ?");
            args.add(query.actor());
        }
        if (query.since() != null) {
            where.append(" AND time >= ?");
            args.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND time < ?");
            args.add(Timestamp.from(query.until()));
        }
        String sql = "SELECT time, actor, action, ticket_id, changes::text, run_id FROM audit_log"
                + where + " ORDER BY id" + (query.limit() > 0 ? " DESC LIMIT " + query.limit()
                        : "");
        List<AuditLog.Entry> out = new ArrayList<>();
        Transactions.run(db, "cannot read the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(2000);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditLog.Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                                rs.getString(3), rs.getString(4), changesOf(rs.getString(5)),
                                rs.getString(6)));
                    }
                }
            }
            return null;
        });
        if (query.limit() > 0) {
            Collections.reverse(out);
        }
        return out;
    }
}
