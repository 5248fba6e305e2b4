using Microsoft.Data.Sqlite;
using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// The tables and indexes, created if missing at start (idempotent), and the migration of databases written by
/// earlier versions; <c>PRAGMA user_version</c> holds the schema version.
/// </summary>
/// <remarks>
/// Version 1 kept each run's whole history inside its <c>runs.json</c> document; version 2 keeps the history as
/// append-only rows in <c>run_events</c> and only the state in <c>runs.json</c>. A version-1 database (the demo
/// database of an earlier build) is migrated in place on start, in one transaction, so its data stays.
/// </remarks>
internal static class SqliteSchema
{
    public const int Version = 2;

    /// <summary>Brings the database on <paramref name="connection"/> to <see cref="Version"/>.</summary>
    public static void CreateOrMigrate(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction(); // IMMEDIATE: two processes starting together migrate once
        int version = Convert.ToInt32(Scalar(connection, tx, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Version)
        {
            throw new InvalidOperationException($"The database has schema version {version}, newer than this build's {Version}.");
        }

        bool hasRuns = Scalar(connection, tx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'runs'") is long n && n > 0;
        if (hasRuns && version < 2)
        {
            SqliteDatabase.Execute(connection, "ALTER TABLE runs ADD COLUMN history_count INTEGER NOT NULL DEFAULT 0", tx);
        }

        SqliteDatabase.Execute(connection, Sql, tx);
        if (hasRuns && version < 2)
        {
            MoveHistoryToRows(connection, tx);
        }

        SqliteDatabase.Execute(connection, $"PRAGMA user_version = {Version}", tx);
        tx.Commit();
    }

    /// <summary>Version 1 to 2: splits every run document into its state and its history rows.</summary>
    private static void MoveHistoryToRows(SqliteConnection connection, SqliteTransaction tx)
    {
        var documents = new List<(string Id, string Json)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, json FROM runs";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                documents.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE runs SET json = $j, history_count = $n WHERE id = $id";
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO run_events (run_id, seq, json) VALUES ($id, $seq, $j)";
        foreach (var (id, json) in documents)
        {
            var run = RunJson.Deserialize(json);
            update.Parameters.Clear();
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$j", RunJson.SerializeState(run));
            update.Parameters.AddWithValue("$n", run.History.Count);
            update.ExecuteNonQuery();
            for (int i = 0; i < run.History.Count; i++)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$seq", i + 1);
                insert.Parameters.AddWithValue("$j", RunJson.SerializeEvent(run.History[i]));
                insert.ExecuteNonQuery();
            }
        }
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private const string Sql = """
        CREATE TABLE IF NOT EXISTS documents (
            tenant_id  TEXT NOT NULL,
            kind       TEXT NOT NULL,
            id         TEXT NOT NULL,
            json       TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, kind, id)
        ) WITHOUT ROWID;

        -- One row per run: its state as JSON (without the history), plus the columns the queries filter on.
        -- next_deadline (Unix milliseconds, UTC) is the due index the sweep reads; history_count is how many
        -- run_events rows belong to the run, written in the same transaction as they are.
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
            history_count INTEGER NOT NULL DEFAULT 0,
            UNIQUE (tenant_id, opd_id, template_id, period)
        );
        CREATE INDEX IF NOT EXISTS runs_due ON runs (next_deadline) WHERE next_deadline IS NOT NULL;
        CREATE INDEX IF NOT EXISTS runs_tenant_period ON runs (tenant_id, year, period);

        -- A run's history, append-only: one row per event (seq = its position, from 1), never updated (a durable
        -- run's diverged history is deleted and written anew as a whole, in one transaction: SqliteRunStore.RewriteAsync).
        CREATE TABLE IF NOT EXISTS run_events (
            run_id TEXT NOT NULL,
            seq    INTEGER NOT NULL,
            json   TEXT NOT NULL,
            PRIMARY KEY (run_id, seq)
        ) WITHOUT ROWID;

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
