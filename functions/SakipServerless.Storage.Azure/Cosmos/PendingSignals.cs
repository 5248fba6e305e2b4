using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// Which pemda have delivery work waiting, across partitions without scanning them: one small item per (kind, pemda) in
/// the <c>_signals</c> partition of the <c>due</c> container. The dispatcher reads that one partition and then asks only
/// the signalled pemda for their pending messages or webhook deliveries, so a pass costs what is pending, not one query
/// per pemda.
/// </summary>
/// <remarks>
/// <para>A writer raises the signal before its write (a crash then leaves a harmless signal, never a missing one) and
/// again after it; the dispatcher clears a signal only when the pemda had nothing pending, with If-Match on the ETag it
/// read first. A raise between that read and the clear changes the ETag, so the clear fails and the signal stays; the
/// raise after the write covers a clear that slipped in between the first raise and the write.</para>
/// <para>The notification store also scans every pemda now and then, so even a signal lost to a crash in that narrow
/// window only delays a message.</para>
/// </remarks>
internal sealed class PendingSignals(Container container, CosmosCalls calls)
{
    public const string Outbox = "outbox";
    public const string Webhooks = "webhooks";
    private const string Partition = "_signals";

    public async Task RaiseAsync(string kind, string tenantId, CancellationToken ct)
    {
        var item = new JsonObject { ["id"] = $"{kind}|{tenantId}", ["bucket"] = Partition, ["kind"] = kind, ["tenantId"] = tenantId };
        using var response = await calls.SendAsync(() => container.UpsertItemStreamAsync(CosmosCalls.ToStream(item), new PartitionKey(Partition), cancellationToken: ct), ct);
        CosmosCalls.Ensure(response, "pending signal");
    }

    /// <summary>The signalled pemda of <paramref name="kind"/>, each with the ETag to clear it with.</summary>
    public async Task<IReadOnlyList<(string TenantId, string ETag)>> ListAsync(string kind, CancellationToken ct) =>
        (await calls.QueryAsync(container, Partition,
            new QueryDefinition("SELECT * FROM c WHERE c.bucket = @p AND c.kind = @k").WithParameter("@p", Partition).WithParameter("@k", kind), ct))
        .Select(i => ((string)i["tenantId"]!, (string)i["_etag"]!))
        .ToList();

    /// <summary>Removes a signal unless it was raised again since <paramref name="etag"/> was read.</summary>
    public async Task ClearAsync(string kind, string tenantId, string etag, CancellationToken ct)
    {
        using var response = await calls.SendAsync(() => container.DeleteItemStreamAsync($"{kind}|{tenantId}", new PartitionKey(Partition),
            new ItemRequestOptions { IfMatchEtag = etag }, ct), ct);
        // 412 (raised again), 404 (cleared by another dispatcher) or any failure: the signal stays, which only costs a query.
        _ = response.StatusCode;
    }
}
