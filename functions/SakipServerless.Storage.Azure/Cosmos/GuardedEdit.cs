using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Read, change, replace If-Match the ETag read; on 412 (someone wrote in between) read again and decide again. Used for
/// the small bookkeeping edits (outbox leases, dispatched marks, inbox reads, webhook attempts) that share items with
/// other writers, so no concurrent write is ever overwritten.
/// </summary>
/// <remarks>The change callback may run more than once; it must decide from the item it is given, not from earlier calls.</remarks>
internal sealed class GuardedEdit(Container container, CosmosCalls calls, string partitionKeyPath)
{
    private const int MaxAttempts = 20;

    public async Task<EditOutcome> ApplyAsync(string partition, string itemId, Func<JsonObject, bool> change, CancellationToken ct)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var item = await FindAsync(partition, itemId, ct);
            if (item is null)
            {
                return EditOutcome.Missing;
            }

            string? etag = (string?)item["_etag"];
            if (!change(item))
            {
                return EditOutcome.Unchanged;
            }

            using var response = await calls.SendAsync(() => container.ReplaceItemStreamAsync(CosmosCalls.ToStream(WithoutSystemProperties(item)), itemId,
                new PartitionKey(partition), new ItemRequestOptions { IfMatchEtag = etag }, ct), ct);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                continue;
            }

            CosmosCalls.Ensure(response, "guarded replace");
            return EditOutcome.Written;
        }

        throw new CosmosStorageException(HttpStatusCode.PreconditionFailed, $"Cosmos DB item {itemId} kept changing; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>A single-partition query on the id (the test server answers point reads of missing items with 500).</summary>
    public async Task<JsonObject?> FindAsync(string partition, string itemId, CancellationToken ct) =>
        (await calls.QueryAsync(container, partition,
            new QueryDefinition($"SELECT * FROM c WHERE c.{partitionKeyPath} = @p AND c.id = @id").WithParameter("@p", partition).WithParameter("@id", itemId), ct))
        .FirstOrDefault();

    /// <summary>An item as read, without the properties the service adds (it sets them again on write).</summary>
    public static JsonObject WithoutSystemProperties(JsonObject item)
    {
        foreach (string key in item.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList())
        {
            item.Remove(key);
        }

        return item;
    }
}
