package org.helpdesktriage.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.helpdesktriage.store.RunLog;
import org.helpdesktriage.store.RunRecord;

/** The run records in the {@code runs} table: one row per run, newest first. */
public final class PostgresRunLog implements RunLog {

    private static final String COLUMNS = "run_id, command, started_at, finished_at, exit_code, "
            + "details::text, counts::text";

    private final PostgresDatabase db;
    private final RecordTable<RunRecord> rows;

    PostgresRunLog(PostgresDatabase db) {
        this.db = db;
        this.rows = new RecordTable<>(db, "runs", COLUMNS, "started_at DESC, run_id",
                "run records", PostgresRunLog::read);
    }

    @Override
    public void save(RunRecord run) {
        Objects.requireNonNull(run, "run");
        Transactions.run(db, "cannot save the record of run " + run.runId(), c -> {
            insert(c, run);
            return null;
        });
    }

    /** Upserts a run record in the caller's transaction. */
    void insert(java.sql.Connection c, RunRecord run) throws SQLException {
        ObjectNode details = PostgresAuditLog.MAPPER.createObjectNode();
        run.details().forEach(details::put);
        ObjectNode counts = PostgresAuditLog.MAPPER.createObjectNode();
        run.counts().forEach(counts::put);
        {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs ("
                    + rows.insertColumns() + ") VALUES (?, ?, ?, ?, ?, ?::json, ?::json) "
                    + "ON CONFLICT (run_id) DO UPDATE SET command = EXCLUDED.command, "
                    + "started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, "
                    + "exit_code = EXCLUDED.exit_code, details = EXCLUDED.details, "
                    + "counts = EXCLUDED.counts")) {
                ps.setString(1, run.runId());
                ps.setString(2, run.command());
                ps.setTimestamp(3, Timestamp.from(run.startedAt()));
                ps.setTimestamp(4, Timestamp.from(run.finishedAt()));
                ps.setInt(5, run.exitCode());
                ps.setString(6, details.toString());
                ps.setString(7, counts.toString());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public Optional<RunRecord> get(String runId) {
        Objects.requireNonNull(runId, "runId");
        List<RunRecord> found = rows.select(" WHERE run_id = ?", runId);
        return found.stream().findFirst();
    }

    @Override
    public List<RunRecord> list() {
        return rows.select("", null);
    }

    @Override
    public List<RunRecord> pruneStartedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return Transactions.run(db, "cannot prune run records", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE started_at < ?"
                    + " RETURNING " + rows.columns())) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                return rows.readAll(ps);
            }
        });
    }

    /** Returns every run record, newest first, read in the caller's transaction. */
    List<RunRecord> list(java.sql.Connection c) throws SQLException {
        return rows.select(c, "", null);
    }

    private static RunRecord read(ResultSet rs) throws SQLException, JsonProcessingException {
        Map<String, String> details = new LinkedHashMap<>();
        PostgresAuditLog.MAPPER.readTree(rs.getString(6)).fields()
                .forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode cn = PostgresAuditLog.MAPPER.readTree(rs.getString(7));
        cn.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return new RunRecord(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), rs.getInt(5), details, counts);
    }
}
