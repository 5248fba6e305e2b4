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
    public static double CommitRate(string path, TimeSpan duration) => Measure(path, duration, reopen: false);

    /// <summary>The same with a pooled connection opened per transaction and the per-open pragmas, as SqliteDatabase.Open does.</summary>
    public static double CommitRateWithOpenPerTransaction(string path, TimeSpan duration) => Measure(path, duration, reopen: true);

    private static double Measure(string path, TimeSpan duration, bool reopen)
    {
        string cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var setup = Open(cs))
        {
            Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL); INSERT OR IGNORE INTO t VALUES (1, 0);");
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
                    command.CommandText = "UPDATE t SET v = v + 1 WHERE id = 1";
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
