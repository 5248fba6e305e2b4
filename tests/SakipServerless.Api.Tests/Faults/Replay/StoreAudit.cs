using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Faults.Replay;

/// <summary>
/// Reads a SQLite database file directly (no backend running) and checks that everything one transition writes
/// agrees: each run's columns with its document, its state with the replay of its history, its outbox rows and
/// submission rows with its history and state, and every stored idempotent answer with the run it answered for.
/// </summary>
/// <remarks>
/// A half-applied transition would show here as a notification whose event is not in the history, an answer stored
/// for a version the run never reached, a due-index key that disagrees with the document, or submission rows that
/// differ from the run's unit tasks.
/// </remarks>
public sealed class StoreAudit
{
    private static readonly HashSet<RunEventType> Notifying =
    [
        RunEventType.StepActivated, RunEventType.StepRestarted, RunEventType.UnitTaskOpened, RunEventType.UnitTaskReturned,
        RunEventType.StepLate, RunEventType.StepEscalated, RunEventType.UnitTaskLate, RunEventType.UnitTaskEscalated,
        RunEventType.RunCompleted, RunEventType.RunSuspended, RunEventType.RunResumed, RunEventType.RunTerminated,
    ];

    private StoreAudit(Dictionary<string, SopRun> runs, Dictionary<(string Tenant, string Key), StoredAnswer> answers, List<string> problems)
    {
        Runs = runs;
        Answers = answers;
        Problems = problems;
    }

    /// <summary>Every run in the file, by id.</summary>
    public IReadOnlyDictionary<string, SopRun> Runs { get; }

    /// <summary>Every stored idempotent answer: the run id and version it reported.</summary>
    public IReadOnlyDictionary<(string Tenant, string Key), StoredAnswer> Answers { get; }

    /// <summary>Every disagreement found; empty when the file is consistent.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads and checks the database at <paramref name="path"/>; the template of each run comes from <paramref name="templates"/>.</summary>
    public static StoreAudit Read(string path, Func<string, int, SopTemplate> templates)
    {
        var problems = new List<string>();
        var runs = new Dictionary<string, SopRun>(StringComparer.Ordinal);
        var answers = new Dictionary<(string, string), StoredAnswer>();

        // Pooling off: the file must not stay open in the test process while a backend runs on it.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        string integrity = Scalar(connection, "PRAGMA integrity_check") as string ?? "";
        if (integrity != "ok")
        {
            problems.Add($"integrity_check: {integrity}");
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, tenant_id, status, version, next_deadline, json, history_count FROM runs";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string id = reader.GetString(0);
                var run = RunJson.DeserializeState(reader.GetString(5), ReadHistory(connection, id, reader.GetInt32(6), problems));
                runs[id] = run;
                if (run.Id != id || run.TenantId != reader.GetString(1))
                {
                    problems.Add($"{id}: row holds the document of {run.TenantId}/{run.Id}");
                }

                if (reader.GetInt32(3) != run.Version)
                {
                    problems.Add($"{id}: version column {reader.GetInt32(3)}, document {run.Version}");
                }

                if (reader.GetString(2) != JsonNamingPolicy.KebabCaseLower.ConvertName(run.Status.ToString()))
                {
                    problems.Add($"{id}: status column {reader.GetString(2)}, document {run.Status}");
                }

                long? due = reader.IsDBNull(4) ? null : reader.GetInt64(4);
                if (due != run.NextDeadline?.ToUnixTimeMilliseconds())
                {
                    problems.Add($"{id}: due-index key {due}, the document's next deadline {run.NextDeadline:O}");
                }

                if (run.Outbox.Count > 0)
                {
                    problems.Add($"{id}: {run.Outbox.Count} notifications left in the stored document's outbox");
                }

                problems.AddRange(HistoryReplay.Check(run, templates(run.TemplateId, run.TemplateVersion)));
            }
        }

        CheckOutbox(connection, runs, problems);
        CheckSubmissions(connection, runs, problems);
        ReadAnswers(connection, runs, answers, problems);
        return new StoreAudit(runs, answers, problems);
    }

    /// <summary>The run's history rows: exactly <paramref name="count"/> of them, numbered 1 … count.</summary>
    private static List<RunEvent> ReadHistory(SqliteConnection connection, string runId, int count, List<string> problems)
    {
        var events = new List<RunEvent>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM run_events WHERE run_id = $r ORDER BY seq";
        command.Parameters.AddWithValue("$r", runId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetInt32(0) != events.Count + 1)
            {
                problems.Add($"{runId}: history row {reader.GetInt32(0)} follows row {events.Count}");
            }

            events.Add(RunJson.DeserializeEvent(reader.GetString(1)));
        }

        if (events.Count != count)
        {
            problems.Add($"{runId}: history_count {count}, {events.Count} history rows");
        }

        return events;
    }

    private static void CheckOutbox(SqliteConnection connection, Dictionary<string, SopRun> runs, List<string> problems)
    {
        var seqs = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id FROM outbox";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // Notification ids are "{runId}#{history count when notified}.{n}".
                string id = reader.GetString(0);
                int hash = id.LastIndexOf('#');
                int dot = id.LastIndexOf('.');
                string runId = id[..hash];
                int seq = int.Parse(id[(hash + 1)..dot], CultureInfo.InvariantCulture);
                if (!runs.TryGetValue(runId, out var run))
                {
                    problems.Add($"notification {id} belongs to no stored run");
                    continue;
                }

                if (seq < 1 || seq > run.History.Count)
                {
                    problems.Add($"notification {id} comes from event {seq}, but the run's history has {run.History.Count} events");
                    continue;
                }

                if (!Notifying.Contains(run.History[seq - 1].Type))
                {
                    problems.Add($"notification {id} points at event {seq} ({run.History[seq - 1].Type}), which notifies nobody");
                }

                if (!seqs.TryGetValue(runId, out var set))
                {
                    seqs[runId] = set = [];
                }

                set.Add(seq);
            }
        }

        foreach (var run in runs.Values)
        {
            var have = seqs.GetValueOrDefault(run.Id) ?? [];
            foreach (var e in run.History.Where(e => Notifying.Contains(e.Type) && !have.Contains(e.Seq)))
            {
                problems.Add($"{run.Id}: event {e.Seq} ({e.Type}) has no notification in the outbox");
            }
        }
    }

    private static void CheckSubmissions(SqliteConnection connection, Dictionary<string, SopRun> runs, List<string> problems)
    {
        var rows = new HashSet<(string Run, string Step, string Unit, string Indicator, decimal Value)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT run_id, step_id, unit_id, indicator_id, value FROM unit_submissions";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
            }
        }

        var expected = runs.Values.SelectMany(r => r.Steps.SelectMany(s => s.UnitTasks
                .Where(u => u.Submission is not null)
                .SelectMany(u => u.Submission!.Realisasi.Select(x => (Run: r.Id, Step: s.StepId, Unit: u.UnitId, Indicator: x.IndicatorId, x.Value)))))
            .ToHashSet();
        foreach (var missing in expected.Except(rows))
        {
            problems.Add($"{missing.Run}: submission {missing.Step}/{missing.Unit}/{missing.Indicator} is in the run but has no row");
        }

        foreach (var extra in rows.Except(expected))
        {
            problems.Add($"{extra.Run}: submission row {extra.Step}/{extra.Unit}/{extra.Indicator}={extra.Value} is not in the run");
        }
    }

    private static void ReadAnswers(SqliteConnection connection, Dictionary<string, SopRun> runs, Dictionary<(string, string), StoredAnswer> answers, List<string> problems)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tenant_id, key, status_code, response_json FROM idempotency";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string tenant = reader.GetString(0), key = reader.GetString(1);
            using var doc = JsonDocument.Parse(reader.GetString(3));
            if (!doc.RootElement.TryGetProperty("id", out var idProperty) || !doc.RootElement.TryGetProperty("version", out var versionProperty)
                || !doc.RootElement.TryGetProperty("history", out var history))
            {
                continue; // not an answer about a run
            }

            string runId = idProperty.GetString()!;
            int version = versionProperty.GetInt32();
            int events = history.GetArrayLength();
            answers[(tenant, key)] = new StoredAnswer(runId, version, reader.GetInt32(2));
            if (!runs.TryGetValue(runId, out var run))
            {
                problems.Add($"answer {key} names run {runId}, which is not stored");
                continue;
            }

            if (version > run.Version || events > run.History.Count)
            {
                problems.Add($"answer {key} reports {runId} at version {version} with {events} events; the run is at {run.Version} with {run.History.Count}");
                continue;
            }

            // The answer's history must be exactly the run's history up to that point.
            int i = 0;
            foreach (var e in history.EnumerateArray())
            {
                var stored = run.History[i++];
                if (e.GetProperty("seq").GetInt32() != stored.Seq || e.GetProperty("type").GetString() != JsonNamingPolicy.KebabCaseLower.ConvertName(stored.Type.ToString()))
                {
                    problems.Add($"answer {key}: event {i} differs from the stored history");
                    break;
                }
            }
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
