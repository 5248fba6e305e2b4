using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SakipServerless.Bench.Transitions;

/// <summary>
/// The physical reference for a transition: the commit rate of a one-row transaction on this disk with the pragmas
/// the backend uses (WAL, synchronous=NORMAL, BEGIN IMMEDIATE), measured in the same run.
/// </summary>
public static class SqliteReference
{
    /// <summary>Commits per second on one open connection: BEGIN IMMEDIATE; UPDATE one row; COMMIT.</summary>
    public static double CommitRate(string path, TimeSpan duration) => Measure(path, duration, reopen: false, payloadBytes: 0);

    /// <summary>The same with a pooled connection opened per transaction and the per-open pragmas, as SqliteDatabase.Open does.</summary>
    public static double CommitRateWithOpenPerTransaction(string path, TimeSpan duration) => Measure(path, duration, reopen: true, payloadBytes: 0);

    /// <summary>The same, rewriting a text column of <paramref name="payloadBytes"/> in the row: a run document's size.</summary>
    public static double CommitRateWithPayload(string path, TimeSpan duration, int payloadBytes) => Measure(path, duration, reopen: false, payloadBytes);

    private static double Measure(string path, TimeSpan duration, bool reopen, int payloadBytes)
    {
        string payload = new('x', payloadBytes);
        string cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var setup = Open(cs))
        {
            Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL, payload TEXT NOT NULL); INSERT OR IGNORE INTO t VALUES (1, 0, '');");
        }

        var held = reopen ? null : Open(cs);
        try
        {
            long commits = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                var connection = held ?? Open(cs);
                try
                {
                    using var tx = connection.BeginTransaction(); // BEGIN IMMEDIATE, Microsoft.Data.Sqlite's default
                    using var command = connection.CreateCommand();
                    command.Transaction = tx;
                    command.CommandText = payloadBytes == 0 ? "UPDATE t SET v = v + 1 WHERE id = 1" : "UPDATE t SET v = v + 1, payload = $p || v WHERE id = 1";
                    if (payloadBytes > 0)
                    {
                        command.Parameters.AddWithValue("$p", payload);
                    }

                    command.ExecuteNonQuery();
                    tx.Commit();
                    commits++;
                }
                finally
                {
                    if (held is null)
                    {
                        connection.Dispose();
                    }
                }
            }

            return commits / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            held?.Dispose();
        }
    }

    private static SqliteConnection Open(string cs)
    {
        var connection = new SqliteConnection(cs);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
