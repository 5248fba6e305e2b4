namespace SakipServerless.Storage.Sqlite;

/// <summary>The tables and indexes; created if missing at start (idempotent).</summary>
internal static class SqliteSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS documents (
            tenant_id  TEXT NOT NULL,
            kind       TEXT NOT NULL,
            id         TEXT NOT NULL,
            json       TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, kind, id)
        ) WITHOUT ROWID;

        -- One row per run: its whole state and history as JSON, plus the columns the queries filter on.
        -- next_deadline (Unix milliseconds, UTC) is the due index the sweep reads.
        CREATE TABLE IF NOT EXISTS runs (
            id            TEXT PRIMARY KEY,
            tenant_id     TEXT NOT NULL,
            opd_id        TEXT NOT NULL,
            template_id   TEXT NOT NULL,
            period        TEXT NOT NULL,
            year          INTEGER NOT NULL,
            status        TEXT NOT NULL,
            version       INTEGER NOT NULL,
            next_deadline INTEGER NULL,
            json          TEXT NOT NULL,
            UNIQUE (tenant_id, opd_id, template_id, period)
        );
        CREATE INDEX IF NOT EXISTS runs_due ON runs (next_deadline) WHERE next_deadline IS NOT NULL;
        CREATE INDEX IF NOT EXISTS runs_tenant_period ON runs (tenant_id, year, period);

        -- Each unit's realisasi as its own rows, for the capaian read models.
        CREATE TABLE IF NOT EXISTS unit_submissions (
            run_id       TEXT NOT NULL,
            step_id      TEXT NOT NULL,
            unit_id      TEXT NOT NULL,
            indicator_id TEXT NOT NULL,
            tenant_id    TEXT NOT NULL,
            opd_id       TEXT NOT NULL,
            year         INTEGER NOT NULL,
            quarter      INTEGER NOT NULL,
            value        TEXT NOT NULL,
            status       TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            PRIMARY KEY (run_id, step_id, unit_id, indicator_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS unit_submissions_tenant ON unit_submissions (tenant_id, year, opd_id);

        -- Notifications written with the transition that produced them; the dispatcher delivers and marks them.
        CREATE TABLE IF NOT EXISTS outbox (
            id            TEXT PRIMARY KEY,
            tenant_id     TEXT NOT NULL,
            opd_id        TEXT NOT NULL,
            created_at    INTEGER NOT NULL,
            json          TEXT NOT NULL,
            dispatched_at INTEGER NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            last_error    TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (created_at) WHERE dispatched_at IS NULL;

        -- Dispatcher leases on outbox rows (notifications): a leased row is skipped by other dispatchers until the
        -- lease ends; after a failed dispatch the lease runs until the retry time.
        CREATE TABLE IF NOT EXISTS outbox_leases (
            outbox_id TEXT PRIMARY KEY,
            owner     TEXT NOT NULL,
            until     INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- In-app inbox (notifications): one row per (outbox message, user). The id is derived from both, so a message
        -- delivered again (crashed or concurrent dispatcher) inserts nothing. Times are Unix milliseconds, UTC.
        CREATE TABLE IF NOT EXISTS inbox (
            id               TEXT PRIMARY KEY,
            tenant_id        TEXT NOT NULL,
            user_id          TEXT NOT NULL,
            outbox_id        TEXT NOT NULL,
            opd_id           TEXT NOT NULL,
            run_id           TEXT NOT NULL,
            step_id          TEXT NULL,
            unit_id          TEXT NULL,
            kind             TEXT NOT NULL,
            message          TEXT NOT NULL,
            due_at           INTEGER NULL,
            escalation_level INTEGER NULL,
            created_at       INTEGER NOT NULL,
            read_at          INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS inbox_user ON inbox (tenant_id, user_id, created_at);
        CREATE INDEX IF NOT EXISTS inbox_unread ON inbox (tenant_id, user_id) WHERE read_at IS NULL;

        -- Webhook deliveries (notifications): one row per outbox message, queued when it is dispatched; the payload is
        -- fixed then so retries send the same bytes. Leased like outbox rows while an attempt is in flight.
        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            event_id         TEXT PRIMARY KEY,
            tenant_id        TEXT NOT NULL,
            opd_id           TEXT NOT NULL,
            kind             TEXT NOT NULL,
            payload          TEXT NOT NULL,
            created_at       INTEGER NOT NULL,
            status           TEXT NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            next_attempt_at  INTEGER NULL,
            last_attempt_at  INTEGER NULL,
            last_status_code INTEGER NULL,
            last_error       TEXT NULL,
            delivered_at     INTEGER NULL,
            failed_at        INTEGER NULL,
            lease_owner      TEXT NULL,
            lease_until      INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS webhook_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX IF NOT EXISTS webhook_tenant ON webhook_deliveries (tenant_id, status, last_attempt_at);

        CREATE TABLE IF NOT EXISTS idempotency (
            tenant_id     TEXT NOT NULL,
            key           TEXT NOT NULL,
            user_id       TEXT NOT NULL,
            request_hash  TEXT NOT NULL,
            status_code   INTEGER NOT NULL,
            response_json TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            PRIMARY KEY (tenant_id, key)
        ) WITHOUT ROWID;
        """;
}
