using System.Text.Json;
using Microsoft.Data.Sqlite;
using SakipServerless.Core;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Sqlite;

/// <summary>Master-data documents in the <c>documents</c> table.</summary>
public sealed class SqliteDocumentStore(SqliteDatabase db, TimeProvider clock) : IDocumentStore
{
    public Task<T?> GetAsync<T>(string tenantId, string kind, string id, CancellationToken ct = default) where T : class
    {
        using var session = db.Rent(); // every request reads its user document: keep the statement prepared
        var command = session.Command("SELECT json FROM documents WHERE tenant_id = $t AND kind = $k AND id = $i");
        command.Parameters.AddWithValue("$t", tenantId);
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$i", id);
        return Task.FromResult(command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<T>(json, CoreJson.Options) : null);
    }

    public Task<IReadOnlyList<T>> ListAsync<T>(string tenantId, string kind, CancellationToken ct = default) where T : class
    {
        using var session = db.Rent();
        var command = session.Command("SELECT json FROM documents WHERE tenant_id = $t AND kind = $k ORDER BY id");
        command.Parameters.AddWithValue("$t", tenantId);
        command.Parameters.AddWithValue("$k", kind);
        var list = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), CoreJson.Options)!);
        }

        return Task.FromResult<IReadOnlyList<T>>(list);
    }

    public Task PutAsync<T>(string tenantId, string kind, string id, T document, CancellationToken ct = default) where T : class =>
        PutManyAsync([new DocumentWrite(tenantId, kind, id, document)], ct);

    public Task<bool> TryInsertAsync<T>(string tenantId, string kind, string id, T document, CancellationToken ct = default) where T : class =>
        db.WriteAsync(() => TryInsertInWriterTurn<T>(tenantId, kind, id, document), ct);

    private Task<bool> TryInsertInWriterTurn<T>(string tenantId, string kind, string id, T document) where T : class
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO documents (tenant_id, kind, id, json, updated_at) VALUES ($t, $k, $i, $j, $u)";
        Bind(command, new DocumentWrite(tenantId, kind, id, document), typeof(T));
        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    public Task<bool> DeleteAsync(string tenantId, string kind, string id, CancellationToken ct = default) =>
        db.WriteAsync(() => DeleteInWriterTurn(tenantId, kind, id), ct);

    private Task<bool> DeleteInWriterTurn(string tenantId, string kind, string id)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM documents WHERE tenant_id = $t AND kind = $k AND id = $i";
        command.Parameters.AddWithValue("$t", tenantId);
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$i", id);
        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    public Task PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken ct = default) =>
        db.WriteAsync(() => PutManyInWriterTurn(writes), ct);

    private Task PutManyInWriterTurn(IReadOnlyList<DocumentWrite> writes)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        foreach (var write in writes)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO documents (tenant_id, kind, id, json, updated_at) VALUES ($t, $k, $i, $j, $u)
                ON CONFLICT (tenant_id, kind, id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
                """;
            Bind(command, write, write.Document.GetType());
            command.ExecuteNonQuery();
        }

        tx.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListTenantIdsAsync(CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents WHERE kind = $k AND tenant_id = id ORDER BY id";
        command.Parameters.AddWithValue("$k", DocumentKinds.Tenant);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    private void Bind(SqliteCommand command, DocumentWrite write, Type type)
    {
        command.Parameters.AddWithValue("$t", write.TenantId);
        command.Parameters.AddWithValue("$k", write.Kind);
        command.Parameters.AddWithValue("$i", write.Id);
        command.Parameters.AddWithValue("$j", JsonSerializer.Serialize(write.Document, type, CoreJson.Options));
        command.Parameters.AddWithValue("$u", clock.GetUtcNow().ToString("O"));
    }
}
