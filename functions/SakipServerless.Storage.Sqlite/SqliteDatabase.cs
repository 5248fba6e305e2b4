using Microsoft.Data.Sqlite;

namespace SakipServerless.Storage.Sqlite;

/// <summary>
/// Opens connections to the database file with the pragmas every connection needs, and creates the schema once.
/// </summary>
/// <remarks>
/// WAL lets readers run beside the single writer; <c>synchronous=NORMAL</c> in WAL mode keeps every committed
/// transaction across a process crash (only an OS crash may lose the last ones). Writers take the lock at BEGIN
/// (<c>BEGIN IMMEDIATE</c>, Microsoft.Data.Sqlite's default), so two writers queue on the busy timeout instead of
/// failing on a lock upgrade.
/// </remarks>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

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
        Execute(connection, SqliteSchema.Sql);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
