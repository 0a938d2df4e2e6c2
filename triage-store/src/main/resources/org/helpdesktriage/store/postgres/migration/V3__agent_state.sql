-- Assignment to people (issue 24), schema version 3. Released: never edit this file.

-- When each agent was last assigned a ticket, so that round robin continues across runs and
-- processes; written by the agent ledger under its advisory lock, after the chunk's tickets.
CREATE TABLE agent_state (
    agent_id         text        PRIMARY KEY,
    last_assigned_at timestamptz NOT NULL
);

-- Agents' loads are counted from the tickets themselves: the assignee is the ticket's
-- metadata.assignee (body is json), counted while the status is a load status. An expression
-- index rather than a generated column, so that the tickets table keeps its columns (COPY,
-- backups and INSERT ... SELECT * list them).
CREATE INDEX tickets_assignee ON tickets (((body -> 'metadata') ->> 'assignee'), status)
    WHERE ((body -> 'metadata') ->> 'assignee') IS NOT NULL;
