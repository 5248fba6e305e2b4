using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Sqlite;

/// <summary>Runs in SQLite: one transaction per write carries state, history, outbox, submissions, due key and idempotency record.</summary>
public sealed class SqliteRunStore(SqliteDatabase db) : IRunStore
{
    private const int SqliteConstraint = 19;

    public Task CreateAsync(SopRun run, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var outbox = run.DrainOutbox();
        try
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = """
                    INSERT INTO runs (id, tenant_id, opd_id, template_id, period, year, status, version, next_deadline, json)
                    VALUES ($id, $t, $o, $tpl, $p, $y, $s, $v, $d, $j)
                    """;
                BindRun(command, run);
                command.ExecuteNonQuery();
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            tx.Rollback();
            RestoreOutbox(run, outbox);
            throw new RunAlreadyExistsException(FindExistingId(connection, run) ?? run.Id);
        }

        WriteSideRows(connection, tx, run, outbox, idempotency);
        tx.Commit();
        return Task.CompletedTask;
    }

    public Task<SopRun?> FindAsync(string tenantId, string runId, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM runs WHERE id = $id AND tenant_id = $t";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$t", tenantId);
        return Task.FromResult(command.ExecuteScalar() is string json ? RunJson.Deserialize(json) : null);
    }

    public Task SaveAsync(SopRun run, int expectedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var outbox = run.DrainOutbox();
        int updated;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                UPDATE runs SET status = $s, version = $v, next_deadline = $d, json = $j
                WHERE id = $id AND tenant_id = $t AND version = $expected
                """;
            BindRun(command, run);
            command.Parameters.AddWithValue("$expected", expectedVersion);
            updated = command.ExecuteNonQuery();
        }

        if (updated != 1)
        {
            tx.Rollback();
            RestoreOutbox(run, outbox);
            throw new ConcurrencyConflictException(run.Id, expectedVersion);
        }

        try
        {
            WriteSideRows(connection, tx, run, outbox, idempotency);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            // The same idempotency key was stored by a concurrent request: this one lost the race.
            tx.Rollback();
            RestoreOutbox(run, outbox);
            throw new ConcurrencyConflictException(run.Id, expectedVersion);
        }

        tx.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        var sql = "SELECT json FROM runs WHERE tenant_id = $t";
        command.Parameters.AddWithValue("$t", query.TenantId);
        if (query.OpdId is { } opd)
        {
            sql += " AND opd_id = $o";
            command.Parameters.AddWithValue("$o", opd);
        }

        if (query.Period is { } period)
        {
            sql += " AND period = $p";
            command.Parameters.AddWithValue("$p", period.Key);
        }

        if (query.Year is { } year)
        {
            sql += " AND year = $y";
            command.Parameters.AddWithValue("$y", year);
        }

        if (query.Status is { } status)
        {
            sql += " AND status = $s";
            command.Parameters.AddWithValue("$s", StatusText(status));
        }

        if (query.LateOnly)
        {
            // Lateness depends on "now" and on every active step and unit task, so SQL narrows to running runs and
            // the exact test runs on the loaded documents below.
            sql += " AND status = 'running'";
        }

        command.CommandText = sql + " ORDER BY opd_id, period";
        var runs = new List<SopRun>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(RunJson.Deserialize(reader.GetString(0)));
            }
        }

        if (query.LateOnly)
        {
            var now = query.Now ?? DateTimeOffset.UtcNow;
            runs = runs.Where(r => r.Steps.Any(s => s.IsLate(now) || s.Status == StepStatus.Active && s.UnitTasks.Any(u => u.IsLate(now)))).ToList();
        }

        return Task.FromResult<IReadOnlyList<SopRun>>(runs);
    }

    public Task<IReadOnlyList<DueRun>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT tenant_id, id, next_deadline FROM runs
            WHERE next_deadline IS NOT NULL AND next_deadline <= $now
            ORDER BY next_deadline LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        var due = new List<DueRun>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            due.Add(new DueRun(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return Task.FromResult<IReadOnlyList<DueRun>>(due);
    }

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string tenantId, string key, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, request_hash, status_code, response_json, created_at FROM idempotency WHERE tenant_id = $t AND key = $k";
        command.Parameters.AddWithValue("$t", tenantId);
        command.Parameters.AddWithValue("$k", key);
        using var reader = command.ExecuteReader();
        IdempotencyRecord? record = reader.Read()
            ? new IdempotencyRecord(tenantId, key, reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture))
            : null;
        return Task.FromResult(record);
    }

    private static void WriteSideRows(SqliteConnection connection, SqliteTransaction tx, SopRun run, IReadOnlyList<Notification> outbox, IdempotencyRecord? idempotency)
    {
        foreach (var notification in outbox)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT INTO outbox (id, tenant_id, opd_id, created_at, json) VALUES ($id, $t, $o, $c, $j)";
            command.Parameters.AddWithValue("$id", notification.Id);
            command.Parameters.AddWithValue("$t", run.TenantId);
            command.Parameters.AddWithValue("$o", run.OpdId);
            command.Parameters.AddWithValue("$c", notification.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$j", JsonSerializer.Serialize(notification, CoreJson.Options));
            command.ExecuteNonQuery();
        }

        WriteSubmissions(connection, tx, run);

        if (idempotency is not null)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO idempotency (tenant_id, key, user_id, request_hash, status_code, response_json, created_at)
                VALUES ($t, $k, $u, $h, $s, $r, $c)
                """;
            command.Parameters.AddWithValue("$t", idempotency.TenantId);
            command.Parameters.AddWithValue("$k", idempotency.Key);
            command.Parameters.AddWithValue("$u", idempotency.UserId);
            command.Parameters.AddWithValue("$h", idempotency.RequestHash);
            command.Parameters.AddWithValue("$s", idempotency.StatusCode);
            command.Parameters.AddWithValue("$r", idempotency.ResponseJson);
            command.Parameters.AddWithValue("$c", idempotency.CreatedAt.ToString("O"));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Rewrites the run's submission rows: small (units × indicators) and always consistent with the run.</summary>
    private static void WriteSubmissions(SqliteConnection connection, SqliteTransaction tx, SopRun run)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM unit_submissions WHERE run_id = $id";
            delete.Parameters.AddWithValue("$id", run.Id);
            delete.ExecuteNonQuery();
        }

        foreach (var step in run.Steps)
        {
            foreach (var task in step.UnitTasks)
            {
                if (task.Submission is not { } submission)
                {
                    continue;
                }

                foreach (var entry in submission.Realisasi)
                {
                    using var insert = connection.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = """
                        INSERT INTO unit_submissions (run_id, step_id, unit_id, indicator_id, tenant_id, opd_id, year, quarter, value, status, submitted_at)
                        VALUES ($r, $s, $u, $i, $t, $o, $y, $q, $v, $st, $at)
                        """;
                    insert.Parameters.AddWithValue("$r", run.Id);
                    insert.Parameters.AddWithValue("$s", step.StepId);
                    insert.Parameters.AddWithValue("$u", task.UnitId);
                    insert.Parameters.AddWithValue("$i", entry.IndicatorId);
                    insert.Parameters.AddWithValue("$t", run.TenantId);
                    insert.Parameters.AddWithValue("$o", run.OpdId);
                    insert.Parameters.AddWithValue("$y", run.Period.Year);
                    insert.Parameters.AddWithValue("$q", run.Period.Quarter);
                    insert.Parameters.AddWithValue("$v", entry.Value.ToString(CultureInfo.InvariantCulture));
                    insert.Parameters.AddWithValue("$st", JsonNamingPolicyKebab(task.Status));
                    insert.Parameters.AddWithValue("$at", submission.SubmittedAt.ToString("O"));
                    insert.ExecuteNonQuery();
                }
            }
        }
    }

    private static void BindRun(SqliteCommand command, SopRun run)
    {
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$t", run.TenantId);
        command.Parameters.AddWithValue("$o", run.OpdId);
        command.Parameters.AddWithValue("$tpl", run.TemplateId);
        command.Parameters.AddWithValue("$p", run.Period.Key);
        command.Parameters.AddWithValue("$y", run.Period.Year);
        command.Parameters.AddWithValue("$s", StatusText(run.Status));
        command.Parameters.AddWithValue("$v", run.Version);
        command.Parameters.AddWithValue("$d", run.NextDeadline is { } d ? d.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$j", RunJson.Serialize(run));
    }

    private static string? FindExistingId(SqliteConnection connection, SopRun run)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM runs WHERE tenant_id = $t AND opd_id = $o AND template_id = $tpl AND period = $p";
        command.Parameters.AddWithValue("$t", run.TenantId);
        command.Parameters.AddWithValue("$o", run.OpdId);
        command.Parameters.AddWithValue("$tpl", run.TemplateId);
        command.Parameters.AddWithValue("$p", run.Period.Key);
        return command.ExecuteScalar() as string;
    }

    private static void RestoreOutbox(SopRun run, IReadOnlyList<Notification> outbox) => run.Outbox.InsertRange(0, outbox);

    private static string StatusText(RunStatus status) => JsonNamingPolicyKebab(status);

    private static string JsonNamingPolicyKebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
