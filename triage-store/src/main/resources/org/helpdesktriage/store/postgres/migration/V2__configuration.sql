-- The configuration that last triaged into the store (issue 28): one row, replaced by each
-- triage --store run whose configuration differs; commands without --config load it.
CREATE TABLE configuration (
    id          integer PRIMARY KEY CHECK (id = 1),
    path        text,
    fingerprint text NOT NULL,
    recorded_at timestamptz NOT NULL
);
