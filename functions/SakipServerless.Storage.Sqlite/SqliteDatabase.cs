using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// Opens connections to the database file with the pragmas every connection needs, creates or migrates the schema
/// once, and pools open sessions with their prepared statements.
/// </summary>
/// <remarks>
/// WAL lets readers run beside the single writer; <c>synchronous=NORMAL</c> in WAL mode keeps every committed
/// transaction across a process crash (only an OS crash may lose the last ones). Writers take the lock at BEGIN
/// (<c>BEGIN IMMEDIATE</c>, Microsoft.Data.Sqlite's default), so two writers queue on the busy timeout instead of
/// failing on a lock upgrade.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>Idle sessions kept open; more may be rented at once, and those beyond this are closed when given back.</summary>
    private const int IdleSessions = 16;

    /// <summary>A WAL longer than this many pages (64 MB) is truncated by the background checkpoint.</summary>
    private const long LargeWalFrames = 16 * 1024;

    /// <summary>How often the background checkpoint copies the WAL into the database file.</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(500);

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private readonly Timer _checkpointer;
    private int _idleCount;
    private int _checkpointing;
    private bool _disposed;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using (var connection = Open())
        {
            Execute(connection, "PRAGMA journal_mode=WAL;");
            SqliteSchema.CreateOrMigrate(connection);
        }

        _checkpointer = new Timer(_ => Checkpoint(), null, CheckpointInterval, CheckpointInterval);
    }

    public string Path { get; }

    /// <summary>
    /// One run-store writer of this process at a time, in arrival order. SQLite admits one writer anyway; queueing
    /// here wakes the next writer the moment the lock is free, where SQLite's busy handler sleeps in growing steps
    /// (up to 100 ms), which is what made the slowest transitions slow under many concurrent requests.
    /// </summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>
    /// Runs a write of the document or notification store in the same queue as the run store's writers. Outside it, the
    /// dispatcher's batches took SQLite's write lock beside the queue, and the transitions behind them slept in the busy
    /// handler (up to 100 ms a step): the slowest one percent of transitions under load.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await WriteGate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <inheritdoc cref="WriteAsync{T}(Func{Task{T}}, CancellationToken)"/>
    internal Task WriteAsync(Func<Task> write, CancellationToken ct) => WriteAsync(async () =>
    {
        await write();
        return true;
    }, ct);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // No automatic checkpoints in the committing transaction (its fsync held every writer behind it): Checkpoint does it.
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=0;");
        return connection;
    }

    /// <summary>An open session for one operation; dispose it to give it back.</summary>
    public SqliteSession Rent()
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return new SqliteSession(this, Open());
    }

    /// <summary>Closes the idle sessions (rented ones close when given back).</summary>
    public void Dispose()
    {
        _disposed = true;
        _checkpointer.Dispose();
        while (_idle.TryTake(out var session))
        {
            session.Close();
        }
    }

    /// <summary>
    /// Copies the WAL into the database file beside the writers (PASSIVE: it never waits for or blocks them), so the
    /// sync of the database file is paid here and not by a request. Skipped while the previous one still runs.
    /// </summary>
    private void Checkpoint()
    {
        if (_disposed || Interlocked.Exchange(ref _checkpointing, 1) == 1)
        {
            return;
        }

        try
        {
            using var session = Rent();
            using var reader = session.Command("PRAGMA wal_checkpoint(PASSIVE)").ExecuteReader();
            bool large = reader.Read() && reader.GetInt64(1) > LargeWalFrames;
            reader.Close();
            if (large)
            {
                // Readers that always hold a snapshot can keep the WAL from starting over; now and then wait for them.
                session.Command("PRAGMA wal_checkpoint(TRUNCATE)").ExecuteNonQuery();
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Busy, failing disk, or the database going away: the WAL keeps every commit; the next tick tries again.
            // (A timer callback must not throw: that would end the process.)
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    internal bool Return(SqliteSession session)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > IdleSessions)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }

        _idle.Add(session);
        return true;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
