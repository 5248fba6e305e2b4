using System.Text.Json;
using SakipServerless.Core;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Contract;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Api.Tests.Notifications;

/// <summary>The notification store contract against SQLite, each test on a fresh database file.</summary>
public sealed class SqliteNotificationStoreTests : NotificationStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sakip-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _db;

    public SqliteNotificationStoreTests()
    {
        _db = new SqliteDatabase(Path.Combine(_folder, "sakip.db"));
        Store = new SqliteNotificationStore(_db);
    }

    protected override INotificationStore Store { get; }

    /// <summary>The row SqliteRunStore writes with each transition.</summary>
    protected override Task AppendOutboxAsync(OutboxMessage message)
    {
        using var connection = _db.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO outbox (id, tenant_id, opd_id, created_at, json) VALUES ($id, $t, $o, $c, $j)";
        insert.Parameters.AddWithValue("$id", message.Notification.Id);
        insert.Parameters.AddWithValue("$t", message.TenantId);
        insert.Parameters.AddWithValue("$o", message.OpdId);
        insert.Parameters.AddWithValue("$c", message.Notification.At.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$j", JsonSerializer.Serialize(message.Notification, CoreJson.Options));
        insert.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind costs nothing.
        }
    }
}
