package org.helpdesktriage.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.helpdesktriage.core.error.ErrorCode;
import org.helpdesktriage.core.error.TriageException;

/**
 * A table of records keyed by a text id, its JSON columns read back as text: the shape the run
 * records ({@link PostgresRunLog}) and dead letters ({@link PostgresDeadLetters}) share.
 */
final class RecordTable<T> {

    /** Reads the current row. */
    @FunctionalInterface
    interface RowReader<T> {

        /** Returns the record of the current row; its first column is the id. */
        T read(ResultSet rs) throws SQLException, JsonProcessingException;
    }

    private final PostgresDatabase db;
    private final String table;
    private final String columns;
    private final String order;
    private final String plural;
    private final RowReader<T> reader;

    /**
     * Creates the table.
     *
     * @param columns the columns in the order {@code reader} reads them, JSON ones as
     *     {@code name::text}
     * @param order the {@code ORDER BY} of listings
     * @param plural what the records are called in messages ("run records")
     */
    RecordTable(PostgresDatabase db, String table, String columns, String order, String plural,
            RowReader<T> reader) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = table;
        this.columns = columns;
        this.order = order;
        this.plural = plural;
        this.reader = reader;
    }

    /** Returns the columns as a SELECT or RETURNING names them. */
    String columns() {
        return columns;
    }

    /** Returns the column names as an INSERT names them. */
    String insertColumns() {
        return columns.replace("::text", "");
    }

    /** Returns the records {@code where} selects ("" or " WHERE id = ?"), in a transaction. */
    List<T> select(String where, String arg) {
        return Transactions.run(db, "cannot read " + plural, c -> select(c, where, arg));
    }

    /** Returns the records {@code where} selects, in the caller's transaction. */
    List<T> select(Connection c, String where, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table
                + where + " ORDER BY " + order)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            return readAll(ps);
        }
    }

    /** Runs a query (a SELECT, or a statement RETURNING {@link #columns}) and reads its rows. */
    List<T> readAll(PreparedStatement ps) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private T read(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        try {
            return reader.read(rs);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TriageException(ErrorCode.STORE_FAILED, table + " row '" + id
                    + "' cannot be read: " + e.getMessage());
        }
    }
}
