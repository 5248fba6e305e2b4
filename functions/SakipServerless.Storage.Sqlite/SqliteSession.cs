using Microsoft.Data.Sqlite;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// A pooled open connection with its prepared statements: rented from <see cref="SqliteDatabase.Rent"/> for one
/// operation and given back on dispose, so the hot paths neither re-run the connection pragmas nor prepare their
/// SQL again.
/// </summary>
/// <remarks>
/// Transactions are plain <c>BEGIN IMMEDIATE</c> / <c>COMMIT</c> statements (cached like the rest) rather than
/// <see cref="SqliteTransaction"/> objects, whose begin is prepared anew each time. A session given back while a
/// transaction is still open rolls it back first.
/// </remarks>
public sealed class SqliteSession : IDisposable
{
    private readonly SqliteDatabase _owner;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _holdsGate;

    internal SqliteSession(SqliteDatabase owner, SqliteConnection connection)
    {
        _owner = owner;
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>The cached, prepared command for <paramref name="sql"/>, its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// Waits for this process's turn to write (<see cref="SqliteDatabase.WriteGate"/>, first come first served, without
    /// holding a thread), then takes the database's write lock at once, so a writer in another process queues on the
    /// busy timeout instead of failing on a lock upgrade. The turn ends with the transaction.
    /// </summary>
    public async Task BeginWriteAsync(CancellationToken ct)
    {
        await _owner.WriteGate.WaitAsync(ct);
        _holdsGate = true;
        try
        {
            Command("BEGIN IMMEDIATE").ExecuteNonQuery();
        }
        catch
        {
            ReleaseGate();
            throw;
        }
    }

    /// <summary>Takes the write lock now, so two writers queue on the busy timeout instead of failing on a lock upgrade.</summary>
    public void BeginWrite() => Command("BEGIN IMMEDIATE").ExecuteNonQuery();

    /// <summary>A read snapshot for several statements.</summary>
    public void BeginRead() => Command("BEGIN").ExecuteNonQuery();

    public void Commit()
    {
        Command("COMMIT").ExecuteNonQuery();
        ReleaseGate();
    }

    public void Rollback()
    {
        try
        {
            if (InTransaction)
            {
                Command("ROLLBACK").ExecuteNonQuery();
            }
        }
        finally
        {
            ReleaseGate();
        }
    }

    private void ReleaseGate()
    {
        if (_holdsGate)
        {
            _holdsGate = false;
            _owner.WriteGate.Release();
        }
    }

    private bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    public void Dispose()
    {
        bool reusable;
        try
        {
            Rollback();
            reusable = true;
        }
        catch (SqliteException)
        {
            reusable = false;
        }

        if (!reusable || !_owner.Return(this))
        {
            Close();
        }
    }

    internal void Close()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
