using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// Notification delivery state in SQLite: leases in <c>outbox_leases</c>, the <c>inbox</c>, and <c>webhook_deliveries</c>.
/// A dispatch (inbox rows, webhook row, dispatched mark) is one transaction; claims take the write lock at BEGIN, so two
/// dispatchers on one database never lease the same row.
/// </summary>
public sealed class SqliteNotificationStore(SqliteDatabase db) : INotificationStore
{
    /// <summary>A row whose JSON no longer reads is parked this long instead of being claimed on every pass.</summary>
    private static readonly TimeSpan UnreadableRetry = TimeSpan.FromHours(1);

    public Task<IReadOnlyList<OutboxClaim>> ClaimPendingAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct = default) =>
        db.WriteAsync(() => ClaimPendingInWriterTurn(owner, now, lease, limit), ct);

    private Task<IReadOnlyList<OutboxClaim>> ClaimPendingInWriterTurn(string owner, DateTimeOffset now, TimeSpan lease, int limit)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var rows = new List<(string Id, string TenantId, string OpdId, string Json, int Attempts)>();
        using (var select = Command(connection, tx, """
            SELECT o.id, o.tenant_id, o.opd_id, o.json, o.attempts FROM outbox o
            LEFT JOIN outbox_leases l ON l.outbox_id = o.id
            WHERE o.dispatched_at IS NULL AND (l.until IS NULL OR l.until <= $now)
            ORDER BY o.created_at, o.rowid
            LIMIT $limit
            """))
        {
            select.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$limit", limit);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }
        }

        var claims = new List<OutboxClaim>();
        foreach (var row in rows)
        {
            Notification? notification;
            try
            {
                notification = JsonSerializer.Deserialize<Notification>(row.Json, CoreJson.Options);
            }
            catch (JsonException)
            {
                notification = null;
            }

            if (notification is null)
            {
                Fail(connection, tx, row.Id, "Isi pesan outbox tidak dapat dibaca.", now + UnreadableRetry);
                continue;
            }

            Lease(connection, tx, row.Id, owner, now + lease);
            claims.Add(new OutboxClaim(new OutboxMessage(row.TenantId, row.OpdId, notification), row.Attempts));
        }

        tx.Commit();
        return Task.FromResult<IReadOnlyList<OutboxClaim>>(claims);
    }

    public Task CompleteDispatchAsync(OutboxDispatch dispatch, CancellationToken ct = default) =>
        db.WriteAsync(() => CompleteDispatchInWriterTurn(dispatch), ct);

    private Task CompleteDispatchInWriterTurn(OutboxDispatch dispatch)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        foreach (var entry in dispatch.Entries)
        {
            using var insert = Command(connection, tx, """
                INSERT INTO inbox (id, tenant_id, user_id, outbox_id, opd_id, run_id, step_id, unit_id, kind, message, due_at, escalation_level, created_at)
                VALUES ($id, $t, $u, $o, $opd, $run, $step, $unit, $kind, $msg, $due, $level, $at)
                ON CONFLICT (id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("$id", entry.Id);
            insert.Parameters.AddWithValue("$t", entry.TenantId);
            insert.Parameters.AddWithValue("$u", entry.UserId);
            insert.Parameters.AddWithValue("$o", entry.OutboxId);
            insert.Parameters.AddWithValue("$opd", entry.OpdId);
            insert.Parameters.AddWithValue("$run", entry.RunId);
            insert.Parameters.AddWithValue("$step", (object?)entry.StepId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$unit", (object?)entry.UnitId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$kind", Text(entry.Kind));
            insert.Parameters.AddWithValue("$msg", entry.Message);
            insert.Parameters.AddWithValue("$due", entry.DueAt is { } due ? due.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
            insert.Parameters.AddWithValue("$level", (object?)entry.EscalationLevel ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", entry.CreatedAt.ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
        }

        if (dispatch.Webhook is { } webhook)
        {
            using var insert = Command(connection, tx, """
                INSERT INTO webhook_deliveries (event_id, tenant_id, opd_id, kind, payload, created_at, status, next_attempt_at)
                VALUES ($id, $t, $opd, $kind, $payload, $at, $status, $next)
                ON CONFLICT (event_id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("$id", webhook.EventId);
            insert.Parameters.AddWithValue("$t", webhook.TenantId);
            insert.Parameters.AddWithValue("$opd", webhook.OpdId);
            insert.Parameters.AddWithValue("$kind", webhook.Kind);
            insert.Parameters.AddWithValue("$payload", webhook.PayloadJson);
            insert.Parameters.AddWithValue("$at", webhook.CreatedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$status", Text(WebhookDeliveryStatus.Pending));
            insert.Parameters.AddWithValue("$next", (webhook.NextAttemptAt ?? webhook.CreatedAt).ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
        }

        // A second dispatcher that finished the same message first keeps its time.
        using (var mark = Command(connection, tx, "UPDATE outbox SET dispatched_at = $at WHERE id = $id AND dispatched_at IS NULL"))
        {
            mark.Parameters.AddWithValue("$at", dispatch.DispatchedAt.ToUnixTimeMilliseconds());
            mark.Parameters.AddWithValue("$id", dispatch.OutboxId);
            mark.ExecuteNonQuery();
        }

        using (var release = Command(connection, tx, "DELETE FROM outbox_leases WHERE outbox_id = $id"))
        {
            release.Parameters.AddWithValue("$id", dispatch.OutboxId);
            release.ExecuteNonQuery();
        }

        tx.Commit();
        return Task.CompletedTask;
    }

    public Task RecordDispatchFailureAsync(string outboxId, string error, DateTimeOffset retryAt, CancellationToken ct = default) =>
        db.WriteAsync(() => RecordDispatchFailureInWriterTurn(outboxId, error, retryAt), ct);

    private Task RecordDispatchFailureInWriterTurn(string outboxId, string error, DateTimeOffset retryAt)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        Fail(connection, tx, outboxId, error, retryAt);
        tx.Commit();
        return Task.CompletedTask;
    }

    public Task<InboxPage> ListInboxAsync(string tenantId, string userId, bool unreadOnly, int limit, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: true); // one snapshot for the page and its count
        var entries = new List<InboxEntry>();
        using (var select = Command(connection, tx, $"""
            SELECT id, outbox_id, opd_id, run_id, step_id, unit_id, kind, message, due_at, escalation_level, created_at, read_at
            FROM inbox WHERE tenant_id = $t AND user_id = $u {(unreadOnly ? "AND read_at IS NULL" : "")}
            ORDER BY created_at DESC, rowid DESC
            LIMIT $limit
            """))
        {
            select.Parameters.AddWithValue("$t", tenantId);
            select.Parameters.AddWithValue("$u", userId);
            select.Parameters.AddWithValue("$limit", limit);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new InboxEntry
                {
                    Id = reader.GetString(0),
                    TenantId = tenantId,
                    UserId = userId,
                    OutboxId = reader.GetString(1),
                    OpdId = reader.GetString(2),
                    RunId = reader.GetString(3),
                    StepId = reader.IsDBNull(4) ? null : reader.GetString(4),
                    UnitId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Kind = Parse<NotificationKind>(reader.GetString(6)),
                    Message = reader.GetString(7),
                    DueAt = reader.IsDBNull(8) ? null : DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture),
                    EscalationLevel = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                    ReadAt = Time(reader, 11),
                });
            }
        }

        using var count = Command(connection, tx, "SELECT COUNT(*) FROM inbox WHERE tenant_id = $t AND user_id = $u AND read_at IS NULL");
        count.Parameters.AddWithValue("$t", tenantId);
        count.Parameters.AddWithValue("$u", userId);
        int unread = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        tx.Commit();
        return Task.FromResult(new InboxPage(entries, unread));
    }

    public Task<bool> MarkReadAsync(string tenantId, string userId, string entryId, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync(() => MarkReadInWriterTurn(tenantId, userId, entryId, at), ct);

    private Task<bool> MarkReadInWriterTurn(string tenantId, string userId, string entryId, DateTimeOffset at)
    {
        using var connection = db.Open();
        using var update = Command(connection, null,
            "UPDATE inbox SET read_at = COALESCE(read_at, $at) WHERE id = $id AND tenant_id = $t AND user_id = $u");
        update.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$id", entryId);
        update.Parameters.AddWithValue("$t", tenantId);
        update.Parameters.AddWithValue("$u", userId);
        return Task.FromResult(update.ExecuteNonQuery() == 1);
    }

    public Task<int> MarkAllReadAsync(string tenantId, string userId, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync(() => MarkAllReadInWriterTurn(tenantId, userId, at), ct);

    private Task<int> MarkAllReadInWriterTurn(string tenantId, string userId, DateTimeOffset at)
    {
        using var connection = db.Open();
        using var update = Command(connection, null, "UPDATE inbox SET read_at = $at WHERE tenant_id = $t AND user_id = $u AND read_at IS NULL");
        update.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$t", tenantId);
        update.Parameters.AddWithValue("$u", userId);
        return Task.FromResult(update.ExecuteNonQuery());
    }

    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueWebhooksAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct = default) =>
        db.WriteAsync(() => ClaimDueWebhooksInWriterTurn(owner, now, lease, limit), ct);

    private Task<IReadOnlyList<WebhookDelivery>> ClaimDueWebhooksInWriterTurn(string owner, DateTimeOffset now, TimeSpan lease, int limit)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var due = new List<WebhookDelivery>();
        using (var select = Command(connection, tx, $"""
            SELECT {DeliveryColumns} FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
            ORDER BY next_attempt_at, created_at
            LIMIT $limit
            """))
        {
            select.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$limit", limit);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                due.Add(ReadDelivery(reader));
            }
        }

        foreach (var delivery in due)
        {
            using var update = Command(connection, tx, "UPDATE webhook_deliveries SET lease_owner = $owner, lease_until = $until WHERE event_id = $id");
            update.Parameters.AddWithValue("$owner", owner);
            update.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$id", delivery.EventId);
            update.ExecuteNonQuery();
        }

        tx.Commit();
        return Task.FromResult<IReadOnlyList<WebhookDelivery>>(due);
    }

    public Task<bool> RecordWebhookAttemptAsync(string owner, WebhookAttempt attempt, CancellationToken ct = default) =>
        db.WriteAsync(() => RecordWebhookAttemptInWriterTurn(owner, attempt), ct);

    private Task<bool> RecordWebhookAttemptInWriterTurn(string owner, WebhookAttempt attempt)
    {
        using var connection = db.Open();
        using var update = Command(connection, null, """
            UPDATE webhook_deliveries SET
                attempts = attempts + 1,
                status = $status,
                last_attempt_at = $at,
                last_status_code = $code,
                last_error = COALESCE($error, last_error),
                next_attempt_at = $next,
                delivered_at = CASE WHEN $status = 'delivered' THEN $at ELSE delivered_at END,
                failed_at = CASE WHEN $status = 'failed' THEN $at ELSE failed_at END,
                lease_owner = NULL,
                lease_until = NULL
            WHERE event_id = $id AND lease_owner = $owner AND status = 'pending'
            """);
        update.Parameters.AddWithValue("$status", Text(attempt.Result));
        update.Parameters.AddWithValue("$at", attempt.At.ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$code", (object?)attempt.StatusCode ?? DBNull.Value);
        update.Parameters.AddWithValue("$error", (object?)attempt.Error ?? DBNull.Value);
        update.Parameters.AddWithValue("$next", attempt.NextAttemptAt is { } next ? next.ToUnixTimeMilliseconds() : DBNull.Value);
        update.Parameters.AddWithValue("$id", attempt.EventId);
        update.Parameters.AddWithValue("$owner", owner);
        return Task.FromResult(update.ExecuteNonQuery() == 1);
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListWebhookDeliveriesAsync(WebhookDeliveryQuery query, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var select = connection.CreateCommand();
        string sql = $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE tenant_id = $t";
        select.Parameters.AddWithValue("$t", query.TenantId);
        if (query.Status is { } status)
        {
            sql += " AND status = $status";
            select.Parameters.AddWithValue("$status", Text(status));
        }

        if (query.ProblemsOnly)
        {
            sql += " AND (status = 'failed' OR (status = 'pending' AND attempts > 0))";
        }

        select.CommandText = sql + " ORDER BY COALESCE(last_attempt_at, created_at) DESC, event_id LIMIT $limit";
        select.Parameters.AddWithValue("$limit", query.Limit);
        var list = new List<WebhookDelivery>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            list.Add(ReadDelivery(reader));
        }

        return Task.FromResult<IReadOnlyList<WebhookDelivery>>(list);
    }

    private const string DeliveryColumns =
        "event_id, tenant_id, opd_id, kind, payload, created_at, status, attempts, next_attempt_at, last_attempt_at, last_status_code, last_error, delivered_at, failed_at";

    private static WebhookDelivery ReadDelivery(SqliteDataReader reader) => new()
    {
        EventId = reader.GetString(0),
        TenantId = reader.GetString(1),
        OpdId = reader.GetString(2),
        Kind = reader.GetString(3),
        PayloadJson = reader.GetString(4),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        Status = Parse<WebhookDeliveryStatus>(reader.GetString(6)),
        Attempts = reader.GetInt32(7),
        NextAttemptAt = Time(reader, 8),
        LastAttemptAt = Time(reader, 9),
        LastStatusCode = reader.IsDBNull(10) ? null : reader.GetInt32(10),
        LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
        DeliveredAt = Time(reader, 12),
        FailedAt = Time(reader, 13),
    };

    private static void Lease(SqliteConnection connection, SqliteTransaction tx, string outboxId, string owner, DateTimeOffset until)
    {
        using var upsert = Command(connection, tx, """
            INSERT INTO outbox_leases (outbox_id, owner, until) VALUES ($id, $owner, $until)
            ON CONFLICT (outbox_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
            """);
        upsert.Parameters.AddWithValue("$id", outboxId);
        upsert.Parameters.AddWithValue("$owner", owner);
        upsert.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        upsert.ExecuteNonQuery();
    }

    private static void Fail(SqliteConnection connection, SqliteTransaction tx, string outboxId, string error, DateTimeOffset retryAt)
    {
        using (var update = Command(connection, tx, "UPDATE outbox SET attempts = attempts + 1, last_error = $e WHERE id = $id AND dispatched_at IS NULL"))
        {
            update.Parameters.AddWithValue("$e", error);
            update.Parameters.AddWithValue("$id", outboxId);
            update.ExecuteNonQuery();
        }

        Lease(connection, tx, outboxId, "retry", retryAt);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private static string Text<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static T Parse<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().First(v => Text(v) == text);
}
