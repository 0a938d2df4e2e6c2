-- The helpdesk-triage store, schema version 1. Released: never edit this file; add V2__...sql.

-- One row per ticket id; body is the ticket as TicketJson writes it (json, not jsonb: kept as
-- written, cheaper to write and to read back whole), the columns beside it are copies for
-- queries (the escalation sweep's claims, searches by status).
CREATE TABLE tickets (
    ticket_id   text        PRIMARY KEY,
    status      text        NOT NULL,
    priority    text        NOT NULL,
    category    text        NOT NULL,
    assigned_to text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    body        json        NOT NULL
);
CREATE INDEX tickets_unfinished ON tickets (ticket_id) WHERE status NOT IN ('resolved', 'closed');

-- Append only; id gives the order. changes is json, not jsonb, to keep the fields' order.
CREATE TABLE audit_log (
    id        bigserial   PRIMARY KEY,
    time      timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    ticket_id text        NOT NULL,
    changes   json        NOT NULL,
    run_id    text
);
CREATE INDEX audit_log_ticket ON audit_log (ticket_id, id);
CREATE INDEX audit_log_time ON audit_log (time);

CREATE TABLE runs (
    run_id      text        PRIMARY KEY,
    command     text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    exit_code   integer     NOT NULL,
    details     json        NOT NULL,
    counts      json        NOT NULL
);

CREATE TABLE dead_letters (
    id       text        PRIMARY KEY,
    time     timestamptz NOT NULL,
    run_id   text,
    source   text        NOT NULL,
    reason   text        NOT NULL,
    record   json        NOT NULL,
    attempts integer     NOT NULL
);

-- Who holds the store's advisory lock: one row per database session holding it, so a refused
-- process can name the holders (the lock itself is pg_advisory_lock, released when the session
-- ends however it ends; a row whose session is gone is left over and ignored).
CREATE TABLE lock_holders (
    backend_pid integer     PRIMARY KEY,
    mode        text        NOT NULL,
    pid         bigint      NOT NULL,
    host        text        NOT NULL,
    since       timestamptz NOT NULL,
    command     text        NOT NULL
);
