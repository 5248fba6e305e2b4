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

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount;
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
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        SqliteSchema.CreateOrMigrate(connection);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
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
        while (_idle.TryTake(out var session))
        {
            session.Close();
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
