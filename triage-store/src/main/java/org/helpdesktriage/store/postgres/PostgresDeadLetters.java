package org.helpdesktriage.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.store.DeadLetter;
import org.helpdesktriage.store.DeadLetterLog;

/** The dead letters in the {@code dead_letters} table: one row per id, oldest first. */
public final class PostgresDeadLetters implements DeadLetterLog {

    private static final String COLUMNS = "id, time, run_id, source, reason, record::text, "
            + "attempts";

    private final PostgresDatabase db;
    private final RecordTable<DeadLetter> rows;

    PostgresDeadLetters(PostgresDatabase db) {
        this.db = db;
        this.rows = new RecordTable<>(db, "dead_letters", COLUMNS, "time, id", "dead letters",
                PostgresDeadLetters::read);
    }

    @Override
    public void save(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        Transactions.run(db, "cannot save dead letter " + letter.id(), c -> {
            insert(c, letter);
            return null;
        });
    }

    /** Upserts a dead letter in the caller's transaction. */
    void insert(java.sql.Connection c, DeadLetter letter) throws SQLException {
        String record;
        try {
            record = PostgresAuditLog.MAPPER.writeValueAsString(letter.record());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("dead letter " + letter.id()
                    + " has a record that is not JSON-like: " + e.getOriginalMessage(), e);
        }
        {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letters ("
                    + rows.insertColumns() + ") VALUES (?, ?, ?, ?, ?, ?::json, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET time = EXCLUDED.time, "
                    + "run_id = EXCLUDED.run_id, source = EXCLUDED.source, "
                    + "reason = EXCLUDED.reason, record = EXCLUDED.record, "
                    + "attempts = EXCLUDED.attempts")) {
                ps.setString(1, letter.id());
                ps.setTimestamp(2, Timestamp.from(letter.time()));
                ps.setString(3, letter.runId());
                ps.setString(4, withoutNul(letter.source()));
                ps.setString(5, withoutNul(letter.reason()));
                ps.setString(6, record);
                ps.setInt(7, letter.attempts());
                ps.executeUpdate();
            }
        }
    }

    // PostgreSQL text cannot hold a NUL; the record column keeps it, escaped by JSON
    private static String withoutNul(String s) {
        return s == null ? null : s.replace("\0", "\\u0000");
    }

    @Override
    public Optional<DeadLetter> get(String id) {
        Objects.requireNonNull(id, "id");
        return rows.select(" WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public boolean remove(String id) {
        Objects.requireNonNull(id, "id");
        return Transactions.run(db, "cannot delete dead letter " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dead_letters WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<DeadLetter> list() {
        return rows.select("", null);
    }

    /** Returns every dead letter, oldest first, read in the caller's transaction. */
    List<DeadLetter> list(java.sql.Connection c) throws SQLException {
        return rows.select(c, "", null);
    }

    @SuppressWarnings("unchecked")
    private static DeadLetter read(ResultSet rs) throws SQLException, JsonProcessingException {
        Map<String, Object> record = PostgresAuditLog.MAPPER.readValue(rs.getString(6),
                LinkedHashMap.class);
        return new DeadLetter(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), record, rs.getInt(7));
    }
}
