using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// Runs in SQLite: the run's state as one small document in <c>runs</c>, its history as append-only rows in
/// <c>run_events</c>; one transaction per write carries state, new events, outbox, submissions, due key and
/// idempotency record.
/// </summary>
/// <remarks>
/// A transition writes the state document and inserts only the events it appended, so its cost does not grow with
/// the history. Loading a run this process read or wrote last at the stored version parses nothing
/// (<see cref="RunCache"/>); otherwise it parses the state and only the events it has not parsed before, bounded by
/// the row's <c>history_count</c>, so another process writing the same database is always seen. Statements are
/// prepared once per pooled connection (<see cref="SqliteSession"/>).
/// </remarks>
public sealed class SqliteRunStore(SqliteDatabase db) : IRunStore
{
    private const int SqliteConstraint = 19;

    private const string InsertRunSql = """
        INSERT INTO runs (id, tenant_id, opd_id, template_id, period, year, status, version, next_deadline, json, history_count)
        VALUES ($id, $t, $o, $tpl, $p, $y, $s, $v, $d, $j, $n)
        """;

    private const string UpdateRunSql = """
        UPDATE runs SET status = $s, version = $v, next_deadline = $d, json = $j, history_count = $n
        WHERE id = $id AND tenant_id = $t AND version = $expected
        """;

    private const string InsertEventSql = "INSERT INTO run_events (run_id, seq, json) VALUES ($r, $seq, $j)";

    private const string SelectEventsSql = "SELECT json FROM run_events WHERE run_id = $r AND seq > $from AND seq <= $to ORDER BY seq";

    private readonly RunCache _cache = new();

    public async Task CreateAsync(SopRun run, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        var outbox = run.DrainOutbox();
        using var session = db.Rent();
        var json = await BeginAsync(session, run, outbox, eventsFrom: 0, ct);

        try
        {
            var insert = session.Command(InsertRunSql);
            BindRun(insert, run, json.State);
            insert.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw new RunAlreadyExistsException(FindExistingId(session, run) ?? run.Id);
        }
        catch
        {
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw;
        }

        Complete(session, run, storedEvents: 0, outbox, json, idempotency, expectedVersion: null, before: null);
    }

    public Task<SopRun?> FindAsync(string tenantId, string runId, CancellationToken ct = default)
    {
        using var session = db.Rent();
        var cached = _cache.Get(runId);

        // The state document is read only when the cached copy is not the stored version.
        var select = session.Command("SELECT version, history_count, CASE WHEN version = $cached THEN NULL ELSE json END FROM runs WHERE id = $id AND tenant_id = $t");
        select.Parameters.AddWithValue("$id", runId);
        select.Parameters.AddWithValue("$t", tenantId);
        select.Parameters.AddWithValue("$cached", cached?.Version ?? -1);
        string? json;
        int count;
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read())
            {
                return Task.FromResult<SopRun?>(null);
            }

            count = reader.GetInt32(1);
            json = reader.IsDBNull(2) ? null : reader.GetString(2);
        }

        return Task.FromResult<SopRun?>(json is null ? cached!.Copy() : Parse(session, runId, json, count, cached));
    }

    public async Task SaveAsync(SopRun run, int expectedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        if (run.Version <= expectedVersion)
        {
            // Every transition advances the version; the cache of every process relies on it to tell states apart.
            throw new ArgumentException($"Run '{run.Id}' is saved at version {run.Version}, not after the expected {expectedVersion}.", nameof(run));
        }

        var outbox = run.DrainOutbox();
        var expectedState = _cache.Get(run.Id) is { } seen && seen.Version == expectedVersion ? seen : null;
        using var session = db.Rent();
        var json = await BeginAsync(session, run, outbox, eventsFrom: Math.Min(expectedState?.History.Count ?? run.History.Count, run.History.Count), ct);

        int? stored;
        try
        {
            stored = StoredHistoryCount(session, run, expectedVersion);
        }
        catch
        {
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw;
        }

        // A history shorter than the stored one cannot come from a run loaded at this version: treat it as stale.
        if (stored is not { } storedEvents || storedEvents > run.History.Count)
        {
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw new ConcurrencyConflictException(run.Id, expectedVersion);
        }

        // The state this process last saw at the expected version, if any (the guard above has just confirmed it is the
        // stored one): submission rows it already holds are kept.
        Complete(session, run, storedEvents, outbox, json, idempotency, expectedVersion, before: expectedState);
    }

    /// <remarks>
    /// The run's event rows are deleted and written again in the same transaction as the state, so a reader sees the
    /// stored run before or after, never a mix. Another process's cached copy of the replaced state is never reused:
    /// the version moved past it, and a cached history is kept as a prefix only where its last event is still stored
    /// (<see cref="History"/>).
    /// </remarks>
    public async Task RewriteAsync(SopRun run, int storedVersion, IdempotencyRecord? idempotency = null, CancellationToken ct = default)
    {
        if (run.Version <= storedVersion)
        {
            throw new ArgumentException($"Run '{run.Id}' replaces version {storedVersion} at version {run.Version}, not after it.", nameof(run));
        }

        var outbox = run.DrainOutbox();
        using var session = db.Rent();
        var json = await BeginAsync(session, run, outbox, eventsFrom: 0, ct);

        try
        {
            if (StoredHistoryCount(session, run, storedVersion) is null)
            {
                throw new ConcurrencyConflictException(run.Id, storedVersion);
            }

            var delete = session.Command("DELETE FROM run_events WHERE run_id = $r");
            delete.Parameters.AddWithValue("$r", run.Id);
            delete.ExecuteNonQuery();
        }
        catch
        {
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw;
        }

        Complete(session, run, storedEvents: 0, outbox, json, idempotency, storedVersion, before: null);
    }

    public Task<IReadOnlyList<SopRun>> ListAsync(RunQuery query, CancellationToken ct = default)
    {
        using var session = db.Rent();
        var sql = "SELECT id, version, history_count, json FROM runs WHERE tenant_id = $t";
        if (query.OpdId is not null)
        {
            sql += " AND opd_id = $o";
        }

        if (query.Period is not null)
        {
            sql += " AND period = $p";
        }

        if (query.Year is not null)
        {
            sql += " AND year = $y";
        }

        if (query.Status is not null)
        {
            sql += " AND status = $s";
        }

        if (query.LateOnly)
        {
            // Lateness depends on "now" and on every active step and unit task, so SQL narrows to running runs and
            // the exact test runs on the loaded documents below.
            sql += " AND status = 'running'";
        }

        var select = session.Command(sql + " ORDER BY opd_id, period");
        select.Parameters.AddWithValue("$t", query.TenantId);
        if (query.OpdId is { } opd)
        {
            select.Parameters.AddWithValue("$o", opd);
        }

        if (query.Period is { } period)
        {
            select.Parameters.AddWithValue("$p", period.Key);
        }

        if (query.Year is { } year)
        {
            select.Parameters.AddWithValue("$y", year);
        }

        if (query.Status is { } status)
        {
            select.Parameters.AddWithValue("$s", StatusText(status));
        }

        // One snapshot for the rows and their histories (the list reads as of one moment).
        session.BeginRead();
        var rows = new List<(string Id, int Version, int Count, string Json)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
            }
        }

        var runs = new List<SopRun>(rows.Count);
        foreach (var row in rows)
        {
            var cached = _cache.Get(row.Id);
            runs.Add(cached?.Version == row.Version ? cached.Copy() : Parse(session, row.Id, row.Json, row.Count, cached));
        }

        session.Commit();
        if (query.LateOnly)
        {
            var now = query.Now ?? DateTimeOffset.UtcNow;
            runs = runs.Where(r => r.Steps.Any(s => s.IsLate(now) || s.Status == StepStatus.Active && s.UnitTasks.Any(u => u.IsLate(now)))).ToList();
        }

        return Task.FromResult<IReadOnlyList<SopRun>>(runs);
    }

    public Task<IReadOnlyList<DueRun>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        using var session = db.Rent();
        var command = session.Command("""
            SELECT tenant_id, id, next_deadline FROM runs
            WHERE next_deadline IS NOT NULL AND next_deadline <= $now
            ORDER BY next_deadline LIMIT $limit
            """);
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
        using var session = db.Rent();
        var command = session.Command("SELECT user_id, request_hash, status_code, response_json, created_at FROM idempotency WHERE tenant_id = $t AND key = $k");
        command.Parameters.AddWithValue("$t", tenantId);
        command.Parameters.AddWithValue("$k", key);
        using var reader = command.ExecuteReader();
        IdempotencyRecord? record = reader.Read()
            ? new IdempotencyRecord(tenantId, key, reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture))
            : null;
        return Task.FromResult(record);
    }

    /// <summary>Serialises the write before the writer's turn, then takes the turn; if either fails, the run keeps its notifications.</summary>
    private static async Task<SerializedSave> BeginAsync(SqliteSession session, SopRun run, IReadOnlyList<Notification> outbox, int eventsFrom, CancellationToken ct)
    {
        try
        {
            var json = new SerializedSave(run, outbox, eventsFrom);
            await session.BeginWriteAsync(ct);
            return json;
        }
        catch
        {
            RestoreOutbox(run, outbox);
            throw;
        }
    }

    /// <summary>The stored history count of the run when its stored version is <paramref name="expectedVersion"/>; null when it is not (or the run is gone).</summary>
    private static int? StoredHistoryCount(SqliteSession session, SopRun run, int expectedVersion)
    {
        var select = session.Command("SELECT version, history_count FROM runs WHERE id = $id AND tenant_id = $t");
        select.Parameters.AddWithValue("$id", run.Id);
        select.Parameters.AddWithValue("$t", run.TenantId);
        using var reader = select.ExecuteReader();
        return reader.Read() && reader.GetInt32(0) == expectedVersion ? reader.GetInt32(1) : null;
    }

    /// <summary>
    /// Writes the state (update guarded by <paramref name="expectedVersion"/>, none for a created run), the events
    /// after <paramref name="storedEvents"/> and the side rows, then commits; on failure rolls back and gives the
    /// drained notifications back to the run.
    /// </summary>
    private void Complete(SqliteSession session, SopRun run, int storedEvents, IReadOnlyList<Notification> outbox, SerializedSave json,
        IdempotencyRecord? idempotency, int? expectedVersion, SopRun? before)
    {
        try
        {
            if (expectedVersion is { } expected)
            {
                var update = session.Command(UpdateRunSql);
                BindRun(update, run, json.State);
                update.Parameters.AddWithValue("$expected", expected);
                if (update.ExecuteNonQuery() != 1)
                {
                    throw new ConcurrencyConflictException(run.Id, expected);
                }
            }

            for (int i = storedEvents; i < run.History.Count; i++)
            {
                var insert = session.Command(InsertEventSql);
                insert.Parameters.AddWithValue("$r", run.Id);
                insert.Parameters.AddWithValue("$seq", i + 1);
                insert.Parameters.AddWithValue("$j", json.Event(i));
                insert.ExecuteNonQuery();
            }

            WriteSideRows(session, run, outbox, json, idempotency, before);
            session.Commit();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint && expectedVersion is { } expected)
        {
            // The same idempotency key was stored by a concurrent request: this one lost the race.
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw new ConcurrencyConflictException(run.Id, expected);
        }
        catch
        {
            session.Rollback();
            RestoreOutbox(run, outbox);
            throw;
        }

        _cache.Put(run.Copy());
    }

    /// <summary>A run from its stored state and its first <paramref name="count"/> events, remembered in the cache.</summary>
    private SopRun Parse(SqliteSession session, string runId, string json, int count, SopRun? cached)
    {
        var run = RunJson.DeserializeState(json, History(session, runId, count, cached?.History ?? []));
        _cache.Put(run.Copy());
        return run;
    }

    /// <summary>The run's first <paramref name="count"/> events: the <paramref name="known"/> prefix, and the rest read and parsed.</summary>
    private static List<RunEvent> History(SqliteSession session, string runId, int count, IReadOnlyList<RunEvent> known)
    {
        int from = Math.Min(known.Count, count);
        if (from > 0 && !StillStored(session, runId, known[from - 1]))
        {
            from = 0; // the history was rewritten since this process read it (RewriteAsync): read it all again
        }

        var events = new List<RunEvent>(count);
        events.AddRange(known.Take(from));
        if (from == count)
        {
            return events;
        }

        var select = session.Command(SelectEventsSql);
        select.Parameters.AddWithValue("$r", runId);
        select.Parameters.AddWithValue("$from", from);
        select.Parameters.AddWithValue("$to", count);
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                events.Add(RunJson.DeserializeEvent(reader.GetString(0)));
            }
        }

        if (events.Count != count)
        {
            throw new InvalidDataException($"Run '{runId}' records {count} history events, but {events.Count} are stored.");
        }

        return events;
    }

    /// <summary>Whether the stored event at <paramref name="known"/>'s position is that event: one row by its key, read only when the cached state is not the stored one.</summary>
    private static bool StillStored(SqliteSession session, string runId, RunEvent known)
    {
        var select = session.Command("SELECT json FROM run_events WHERE run_id = $r AND seq = $seq");
        select.Parameters.AddWithValue("$r", runId);
        select.Parameters.AddWithValue("$seq", known.Seq);
        return select.ExecuteScalar() is string json && RunJson.DeserializeEvent(json) == known;
    }

    private static void WriteSideRows(SqliteSession session, SopRun run, IReadOnlyList<Notification> outbox, SerializedSave json,
        IdempotencyRecord? idempotency, SopRun? before)
    {
        for (int i = 0; i < outbox.Count; i++)
        {
            var notification = outbox[i];
            var command = session.Command("INSERT INTO outbox (id, tenant_id, opd_id, created_at, json) VALUES ($id, $t, $o, $c, $j)");
            command.Parameters.AddWithValue("$id", notification.Id);
            command.Parameters.AddWithValue("$t", run.TenantId);
            command.Parameters.AddWithValue("$o", run.OpdId);
            command.Parameters.AddWithValue("$c", notification.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$j", json.Outbox[i]);
            command.ExecuteNonQuery();
        }

        if (before is null || !SubmissionsUnchanged(before, run))
        {
            WriteSubmissions(session, run);
        }

        if (idempotency is not null)
        {
            var command = session.Command("""
                INSERT INTO idempotency (tenant_id, key, user_id, request_hash, status_code, response_json, created_at)
                VALUES ($t, $k, $u, $h, $s, $r, $c)
                """);
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

    /// <summary>
    /// Whether the submission rows of <paramref name="before"/> (the stored state) still hold for <paramref name="after"/>:
    /// every unit task has the same submission (records are immutable and shared by copies, so the same object) and the same status.
    /// </summary>
    private static bool SubmissionsUnchanged(SopRun before, SopRun after)
    {
        if (before.Steps.Count != after.Steps.Count)
        {
            return false;
        }

        for (int i = 0; i < after.Steps.Count; i++)
        {
            List<UnitTask> was = before.Steps[i].UnitTasks, now = after.Steps[i].UnitTasks;
            if (was.Count != now.Count)
            {
                return false;
            }

            for (int j = 0; j < now.Count; j++)
            {
                if (!ReferenceEquals(was[j].Submission, now[j].Submission) || was[j].Status != now[j].Status || was[j].UnitId != now[j].UnitId)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Rewrites the run's submission rows: small (units × indicators) and always consistent with the run.</summary>
    private static void WriteSubmissions(SqliteSession session, SopRun run)
    {
        var delete = session.Command("DELETE FROM unit_submissions WHERE run_id = $id");
        delete.Parameters.AddWithValue("$id", run.Id);
        delete.ExecuteNonQuery();

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
                    var insert = session.Command("""
                        INSERT INTO unit_submissions (run_id, step_id, unit_id, indicator_id, tenant_id, opd_id, year, quarter, value, status, submitted_at)
                        VALUES ($r, $s, $u, $i, $t, $o, $y, $q, $v, $st, $at)
                        """);
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

    private static void BindRun(SqliteCommand command, SopRun run, string stateJson)
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
        command.Parameters.AddWithValue("$j", stateJson);
        command.Parameters.AddWithValue("$n", run.History.Count);
    }

    private static string? FindExistingId(SqliteSession session, SopRun run)
    {
        var command = session.Command("SELECT id FROM runs WHERE tenant_id = $t AND opd_id = $o AND template_id = $tpl AND period = $p");
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
