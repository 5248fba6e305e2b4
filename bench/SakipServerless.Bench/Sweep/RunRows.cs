using Microsoft.Data.Sqlite;
using SakipServerless.Core.Runs;

namespace SakipServerless.Bench.Sweep;

/// <summary>
/// Writes many run rows fast: one run document made by the domain, copied under fresh ids, inserted in large
/// transactions with a reused statement (seeding only; the measured code reads and writes through the backend).
/// </summary>
public static class RunRows
{
    private const string Token = "@@@@@@@@";

    /// <summary>The stored state of <paramref name="run"/> with its id and OPD made replaceable per copy.</summary>
    public static string Pattern(SopRun run) => RunJson.SerializeState(run).Replace(run.Id, "run-" + Token, StringComparison.Ordinal).Replace(run.OpdId, "opd-" + Token, StringComparison.Ordinal);

    /// <summary>Inserts copies (state row and history rows) numbered <paramref name="from"/> … <paramref name="from"/> + <paramref name="count"/> − 1.</summary>
    public static void Insert(string databasePath, string pattern, SopRun model, int from, int count)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF";
            pragma.ExecuteNonQuery();
        }

        long? due = model.NextDeadline?.ToUnixTimeMilliseconds();
        string[] events = [.. model.History.Select(RunJson.SerializeEvent)];
        for (int start = from; start < from + count; start += 100_000)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO runs (id, tenant_id, opd_id, template_id, period, year, status, version, next_deadline, json, history_count)
                VALUES ($id, $t, $o, $tpl, $p, $y, 'running', $v, $d, $j, $n)
                """;
            using var insertEvent = connection.CreateCommand();
            insertEvent.Transaction = tx;
            insertEvent.CommandText = "INSERT INTO run_events (run_id, seq, json) VALUES ($r, $seq, $j)";
            var eventRun = insertEvent.Parameters.Add("$r", SqliteType.Text);
            var eventSeq = insertEvent.Parameters.Add("$seq", SqliteType.Integer);
            var eventJson = insertEvent.Parameters.Add("$j", SqliteType.Text);
            insertEvent.Prepare();
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var opd = insert.Parameters.Add("$o", SqliteType.Text);
            var json = insert.Parameters.Add("$j", SqliteType.Text);
            insert.Parameters.AddWithValue("$t", model.TenantId);
            insert.Parameters.AddWithValue("$tpl", model.TemplateId);
            insert.Parameters.AddWithValue("$p", model.Period.Key);
            insert.Parameters.AddWithValue("$y", model.Period.Year);
            insert.Parameters.AddWithValue("$v", model.Version);
            insert.Parameters.AddWithValue("$d", due is { } d ? d : DBNull.Value);
            insert.Parameters.AddWithValue("$n", events.Length);
            insert.Prepare();
            for (int n = start; n < Math.Min(from + count, start + 100_000); n++)
            {
                string number = n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                id.Value = "run-" + number;
                opd.Value = "opd-" + number;
                json.Value = pattern.Replace(Token, number, StringComparison.Ordinal);
                insert.ExecuteNonQuery();
                eventRun.Value = id.Value;
                for (int seq = 1; seq <= events.Length; seq++)
                {
                    eventSeq.Value = seq;
                    eventJson.Value = events[seq - 1];
                    insertEvent.ExecuteNonQuery();
                }
            }

            tx.Commit();
        }

        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
    }
}
