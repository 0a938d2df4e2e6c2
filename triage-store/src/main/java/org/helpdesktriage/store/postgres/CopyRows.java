package org.helpdesktriage.store.postgres;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.helpdesktriage.core.internal.io.TicketJson;
import org.helpdesktriage.core.model.Ticket;
import org.helpdesktriage.core.store.AuditLog;
import org.postgresql.PGConnection;

/**
 * Writes many rows with {@code COPY ... FROM STDIN}, PostgreSQL's bulk path: tickets into a
 * temporary table and from there into {@code tickets} in one upsert, audit entries straight into
 * {@code audit_log}. A chunk of a run goes this way ({@link PostgresTicketStore#saveAll}); it
 * is several times cheaper for the server and the client than one statement per row.
 *
 * <p>Rows are written in COPY's text format straight as UTF-8 bytes, JSON values through
 * Jackson's generator, so a chunk is encoded once and copied once.
 */
final class CopyRows {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(2048);

    private CopyRows() {
    }

    /** Upserts tickets, already de-duplicated and in id order, in the caller's transaction. */
    static void upsertTickets(Connection c, List<Ticket> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS tickets_in (LIKE tickets) "
                    + "ON COMMIT DELETE ROWS");
        }
        CopyRows copy = new CopyRows();
        try {
            for (Ticket t : rows) {
                copy.text(t.ticketId()).tab().text(t.status().id()).tab()
                        .text(t.priority().id()).tab().text(t.category()).tab()
                        .text(t.assignedTo()).tab().text(t.createdAt().toString()).tab()
                        .text(t.updatedAt().toString()).tab().ticket(t).end();
            }
        } catch (IOException e) {
            throw new SQLException("cannot encode tickets for COPY: " + e.getMessage(), e);
        }
        copy.send(c, "COPY tickets_in FROM STDIN");
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO tickets SELECT * FROM tickets_in ORDER BY ticket_id "
                    + PostgresTicketStore.ON_CONFLICT);
        }
    }

    /** Appends audit entries in order, in the caller's transaction. */
    static void insertAudit(Connection c, List<AuditLog.Entry> entries) throws SQLException {
        CopyRows copy = new CopyRows();
        try {
            for (AuditLog.Entry e : entries) {
                copy.text(e.time().toString()).tab().text(e.actor()).tab().text(e.action())
                        .tab().text(e.ticketId()).tab().changes(e.changes()).tab()
                        .text(e.runId()).end();
            }
        } catch (IOException e) {
            throw new SQLException("cannot encode audit entries for COPY: " + e.getMessage(), e);
        }
        copy.send(c, "COPY audit_log (time, actor, action, ticket_id, changes, run_id) "
                + "FROM STDIN");
    }

    private void send(Connection c, String sql) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql,
                    new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "58030", e);
        }
    }

    private CopyRows tab() {
        out.write('\t');
        return this;
    }

    private void end() {
        out.write('\n');
    }

    /** Appends a value in COPY's text format: \N for null, backslash escapes otherwise. */
    CopyRows text(String value) {
        if (value == null) {
            out.write('\\');
            out.write('N');
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        escaped(bytes, bytes.length);
        return this;
    }

    private CopyRows ticket(Ticket t) throws IOException {
        json.reset();
        try (JsonGenerator g = JSON.createGenerator(json, JsonEncoding.UTF8)) {
            TicketJson.write(g, t);
        }
        escaped(json.toByteArray(), json.size());
        return this;
    }

    private CopyRows changes(Map<String, AuditLog.Entry.Change> changes) throws IOException {
        json.reset();
        try (JsonGenerator g = JSON.createGenerator(json, JsonEncoding.UTF8)) {
            g.writeStartObject();
            for (Map.Entry<String, AuditLog.Entry.Change> ch : changes.entrySet()) {
                g.writeObjectFieldStart(ch.getKey());
                g.writeStringField("from", ch.getValue().from());
                g.writeStringField("to", ch.getValue().to());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        escaped(json.toByteArray(), json.size());
        return this;
    }

    // UTF-8 never uses these four byte values inside a multi-byte character
    private void escaped(byte[] bytes, int length) {
        int from = 0;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\\' || b == '\n' || b == '\r' || b == '\t') {
                out.write(bytes, from, i - from);
                out.write('\\');
                out.write(b == '\\' ? '\\' : b == '\n' ? 'n' : b == '\r' ? 'r' : 't');
                from = i + 1;
            }
        }
        out.write(bytes, from, length - from);
    }
}
