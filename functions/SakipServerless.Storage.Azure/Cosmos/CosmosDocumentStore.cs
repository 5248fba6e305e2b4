using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Master data in the <c>documents</c> container: one item per (tenant, kind, id), the body as our JSON.
/// </summary>
/// <remarks>
/// Reads go through a single-partition query on the id rather than a point read, because the test server answers a
/// point read of a missing item with 500; on real Cosmos the query costs a few RU more and stays in one partition.
/// Tenant ids live in a registry item of the <c>_system</c> partition, so listing tenants never scans partitions.
/// </remarks>
public sealed class CosmosDocumentStore : IDocumentStore
{
    internal const string SystemPartition = "_system";
    private const string TenantRegistryId = "tenants";

    private readonly Container _container;
    private readonly CosmosCalls _calls;
    private readonly CosmosStorageOptions _options;

    public CosmosDocumentStore(Container container, CosmosStorageOptions options, TimeProvider clock)
    {
        _container = container;
        _options = options;
        _calls = new CosmosCalls(options, clock);
    }

    public async Task<T?> GetAsync<T>(string tenantId, string kind, string id, CancellationToken ct = default) where T : class
    {
        var item = await FindAsync(tenantId, ItemId(kind, id), ct);
        return item?["body"].Deserialize<T>(CoreJson.Options);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string tenantId, string kind, CancellationToken ct = default) where T : class
    {
        var items = await _calls.QueryAsync(_container, tenantId,
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t AND c.kind = @k").WithParameter("@t", tenantId).WithParameter("@k", kind), ct);
        return items.OrderBy(i => (string)i["docId"]!, StringComparer.Ordinal).Select(i => i["body"].Deserialize<T>(CoreJson.Options)!).ToList();
    }

    public Task PutAsync<T>(string tenantId, string kind, string id, T document, CancellationToken ct = default) where T : class =>
        PutManyAsync([new DocumentWrite(tenantId, kind, id, document)], ct);

    public async Task<bool> TryInsertAsync<T>(string tenantId, string kind, string id, T document, CancellationToken ct = default) where T : class
    {
        using var response = await _calls.SendAsync(() => _container.CreateItemStreamAsync(
            CosmosCalls.ToStream(Envelope(new DocumentWrite(tenantId, kind, id, document), typeof(T))), new PartitionKey(tenantId), cancellationToken: ct), ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        CosmosCalls.Ensure(response, "insert");
        await RegisterTenantAsync(tenantId, kind, id, ct);
        return true;
    }

    /// <summary>
    /// All or nothing: one transactional batch per pemda on real Cosmos; where batches are off (the test server), writes
    /// one by one and, if one fails, puts back what the earlier ones replaced.
    /// </summary>
    public async Task PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken ct = default)
    {
        foreach (var group in writes.GroupBy(w => w.TenantId))
        {
            if (_options.UseTransactionalBatch)
            {
                foreach (var chunk in group.Chunk(100))
                {
                    var batch = _container.CreateTransactionalBatch(new PartitionKey(group.Key));
                    foreach (var write in chunk)
                    {
                        batch.UpsertItemStream(CosmosCalls.ToStream(Envelope(write, write.Document.GetType())));
                    }

                    using var result = await batch.ExecuteAsync(ct);
                    if (!result.IsSuccessStatusCode)
                    {
                        throw new CosmosStorageException(result.StatusCode, $"Cosmos DB batch failed: {(int)result.StatusCode} {result.ErrorMessage}");
                    }
                }
            }
            else
            {
                await WriteWithCompensationAsync(group.ToList(), ct);
            }
        }

        foreach (var write in writes.Where(w => w.Kind == DocumentKinds.Tenant))
        {
            await RegisterTenantAsync(write.TenantId, write.Kind, write.Id, ct);
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, string kind, string id, CancellationToken ct = default)
    {
        if (await FindAsync(tenantId, ItemId(kind, id), ct) is null)
        {
            return false;
        }

        using var response = await _calls.SendAsync(() => _container.DeleteItemStreamAsync(ItemId(kind, id), new PartitionKey(tenantId), cancellationToken: ct), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        CosmosCalls.Ensure(response, "delete");
        return true;
    }

    public async Task<IReadOnlyList<string>> ListTenantIdsAsync(CancellationToken ct = default)
    {
        var registry = await FindAsync(SystemPartition, TenantRegistryId, ct);
        return registry?["body"]?["ids"]?.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal).ToList() ?? [];
    }

    private async Task WriteWithCompensationAsync(List<DocumentWrite> writes, CancellationToken ct)
    {
        var previous = new List<(DocumentWrite Write, JsonObject? Before)>();
        try
        {
            foreach (var write in writes)
            {
                var before = await FindAsync(write.TenantId, ItemId(write.Kind, write.Id), ct);
                previous.Add((write, before));
                using var response = await _calls.SendAsync(() => _container.UpsertItemStreamAsync(
                    CosmosCalls.ToStream(Envelope(write, write.Document.GetType())), new PartitionKey(write.TenantId), cancellationToken: ct), ct);
                CosmosCalls.Ensure(response, "upsert");
            }
        }
        catch
        {
            foreach (var (write, before) in Enumerable.Reverse(previous))
            {
                using var undo = before is null
                    ? await _container.DeleteItemStreamAsync(ItemId(write.Kind, write.Id), new PartitionKey(write.TenantId), cancellationToken: CancellationToken.None)
                    : await _container.UpsertItemStreamAsync(CosmosCalls.ToStream(Strip(before)), new PartitionKey(write.TenantId), cancellationToken: CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>Adds a tenant id to the registry with an ETag-guarded replace, so concurrent registrations are not lost.</summary>
    private async Task RegisterTenantAsync(string tenantId, string kind, string id, CancellationToken ct)
    {
        if (kind != DocumentKinds.Tenant || tenantId != id)
        {
            return;
        }

        for (int attempt = 0; attempt < 10; attempt++)
        {
            var registry = await FindAsync(SystemPartition, TenantRegistryId, ct);
            var ids = registry?["body"]?["ids"]?.AsArray().Select(n => (string)n!).ToList() ?? [];
            if (ids.Contains(tenantId))
            {
                return;
            }

            ids.Add(tenantId);
            var item = new JsonObject
            {
                ["id"] = TenantRegistryId,
                ["tenantId"] = SystemPartition,
                ["kind"] = "registry",
                ["docId"] = TenantRegistryId,
                ["body"] = new JsonObject { ["ids"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) },
            };
            using var response = registry is null
                ? await _calls.SendAsync(() => _container.CreateItemStreamAsync(CosmosCalls.ToStream(item), new PartitionKey(SystemPartition), cancellationToken: ct), ct)
                : await _calls.SendAsync(() => _container.ReplaceItemStreamAsync(CosmosCalls.ToStream(item), TenantRegistryId, new PartitionKey(SystemPartition),
                    new ItemRequestOptions { IfMatchEtag = (string?)registry["_etag"] }, ct), ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (response.StatusCode is not (HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict))
            {
                CosmosCalls.Ensure(response, "tenant registry");
            }
        }

        throw new CosmosStorageException(HttpStatusCode.PreconditionFailed, "Cosmos DB tenant registry kept changing; giving up.");
    }

    private async Task<JsonObject?> FindAsync(string partition, string itemId, CancellationToken ct) =>
        (await _calls.QueryAsync(_container, partition,
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t AND c.id = @id").WithParameter("@t", partition).WithParameter("@id", itemId), ct))
        .FirstOrDefault();

    internal static string ItemId(string kind, string id) => $"{kind}|{id}";

    private static JsonObject Envelope(DocumentWrite write, Type type) => new()
    {
        ["id"] = ItemId(write.Kind, write.Id),
        ["tenantId"] = write.TenantId,
        ["kind"] = write.Kind,
        ["docId"] = write.Id,
        ["body"] = JsonSerializer.SerializeToNode(write.Document, type, CoreJson.Options),
    };

    /// <summary>An item as read, without the system properties the service adds.</summary>
    private static JsonObject Strip(JsonObject item)
    {
        var copy = item.DeepClone().AsObject();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }
}
