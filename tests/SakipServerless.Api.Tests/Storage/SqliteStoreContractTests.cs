using SakipServerless.Core.Storage;
using SakipServerless.Storage.Sqlite;

using SakipServerless.Storage.Contract;

namespace SakipServerless.Api.Tests.Storage;

/// <summary>A fresh SQLite file per test, as the adapter is used in production (WAL, pooled connections).</summary>
internal static class SqliteTestDatabase
{
    public static SqliteDatabase Create() => new(Path.Combine(Path.GetTempPath(), "sakip-tests", Guid.NewGuid().ToString("N"), "sakip.db"));
}

public sealed class SqliteRunStoreContractTests : RunStoreContract
{
    private readonly SqliteDatabase _db = SqliteTestDatabase.Create();

    public SqliteRunStoreContractTests() => Store = new SqliteRunStore(_db);

    protected override IRunStore Store { get; }

    protected override Task<IReadOnlyList<string>> OutboxIdsAsync(string runId)
    {
        using var connection = _db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM outbox WHERE id LIKE $p ORDER BY id";
        command.Parameters.AddWithValue("$p", runId + "#%");
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }
}

public sealed class SqliteDocumentStoreContractTests : DocumentStoreContract
{
    protected override IDocumentStore Store { get; } = new SqliteDocumentStore(SqliteTestDatabase.Create(), TimeProvider.System);
}
