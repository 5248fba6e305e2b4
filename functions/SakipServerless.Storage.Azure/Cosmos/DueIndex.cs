using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core.Storage;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// The cross-tenant due index in the <c>due</c> container: one entry per run with a pending deadline, in the partition of
/// the deadline's UTC hour. A checkpoint item remembers the oldest hour that may still hold entries.
/// </summary>
/// <remarks>
/// Entries are written before the run item and removed after it, so a crash in between leaves a stale entry (harmless:
/// the sweep compares it with the run and drops it), never a missing one. An entry is never put in an hour older than the
/// hour it is written in, so it can never land behind the checkpoint.
/// </remarks>
internal sealed class DueIndex(Container container, CosmosCalls calls, TimeProvider clock)
{
    private const string CheckpointPartition = "_checkpoint";
    private const string CheckpointId = "sweep";

    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>Writes the entry and returns the hour-bucket it went to (the run item remembers it for removal).</summary>
    public async Task<string> PutAsync(string tenantId, string runItemId, string runId, DateTimeOffset dueAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        string bucket = Bucket(dueAt > now ? dueAt : now);
        var entry = new JsonObject
        {
            ["id"] = EntryId(tenantId, runItemId),
            ["bucket"] = bucket,
            ["tenantId"] = tenantId,
            ["runId"] = runId,
            ["dueAt"] = dueAt.ToUnixTimeMilliseconds(),
        };
        await EnsureCheckpointAsync(bucket, ct);
        using var response = await calls.SendAsync(() => container.UpsertItemStreamAsync(CosmosCalls.ToStream(entry), new PartitionKey(bucket), cancellationToken: ct), ct);
        CosmosCalls.Ensure(response, "due index write");
        return bucket;
    }

    public async Task RemoveAsync(string tenantId, string runItemId, string bucket, CancellationToken ct)
    {
        using var response = await calls.SendAsync(() => container.DeleteItemStreamAsync(EntryId(tenantId, runItemId), new PartitionKey(bucket), cancellationToken: ct), ct);
    }

    /// <summary>
    /// Entries due at <paramref name="now"/>: reads the hours from the checkpoint to now (single-partition queries), checks
    /// each entry against its run through <paramref name="isCurrent"/> and drops stale ones, then moves the checkpoint up.
    /// </summary>
    public async Task<IReadOnlyList<DueRun>> FindAsync(DateTimeOffset now, int limit, Func<string, string, DateTimeOffset, Task<bool>> isCurrent, CancellationToken ct)
    {
        var checkpoint = await ReadCheckpointAsync(ct);
        if (checkpoint is null)
        {
            return [];
        }

        var due = new List<DueRun>();
        bool olderHoursEmpty = true;
        string nowBucket = Bucket(now);
        for (var hour = ParseBucket(checkpoint.Value.Bucket); string.CompareOrdinal(Bucket(hour), nowBucket) <= 0; hour = hour.AddHours(1))
        {
            string bucket = Bucket(hour);
            var entries = await calls.QueryAsync(container, bucket,
                new QueryDefinition("SELECT * FROM c WHERE c.bucket = @b").WithParameter("@b", bucket), ct);
            foreach (var entry in entries)
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds((long)entry["dueAt"]!);
                string tenantId = (string)entry["tenantId"]!, runId = (string)entry["runId"]!;
                if (!await isCurrent(tenantId, runId, at))
                {
                    await DropStaleAsync((string)entry["id"]!, bucket, ct);
                    continue;
                }

                if (at <= now)
                {
                    due.Add(new DueRun(tenantId, runId, at));
                }

                if (string.CompareOrdinal(bucket, Bucket(now.AddHours(-1))) < 0)
                {
                    olderHoursEmpty = false;
                }
            }
        }

        // The checkpoint stays an hour behind now, so a writer whose clock runs a little behind the sweeper's cannot
        // file an entry under an hour the checkpoint has already passed.
        string target = Bucket(now.AddHours(-1));
        if (olderHoursEmpty && string.CompareOrdinal(target, checkpoint.Value.Bucket) > 0)
        {
            var item = CheckpointItem(target);
            using var moved = await calls.SendAsync(() => container.ReplaceItemStreamAsync(CosmosCalls.ToStream(item), CheckpointId, new PartitionKey(CheckpointPartition),
                new ItemRequestOptions { IfMatchEtag = checkpoint.Value.ETag }, ct), ct);
            // 412: another sweeper moved it first; either way it is not behind any entry.
        }

        return due.OrderBy(d => d.DueAt).Take(limit).ToList();
    }

    /// <summary>
    /// Best effort: a stale entry that survives a failed delete is compared with its run again at the next sweep, so the
    /// failure must not stop this sweep (it used to escape raw as the SDK's HttpRequestException).
    /// </summary>
    private async Task DropStaleAsync(string entryId, string bucket, CancellationToken ct)
    {
        try
        {
            using var response = await calls.SendAsync(() => container.DeleteItemStreamAsync(entryId, new PartitionKey(bucket), cancellationToken: ct), ct);
        }
        catch (CosmosStorageException)
        {
        }
    }

    private async Task EnsureCheckpointAsync(string bucket, CancellationToken ct)
    {
        if (await ReadCheckpointAsync(ct) is not null)
        {
            return;
        }

        using var response = await calls.SendAsync(() => container.CreateItemStreamAsync(CosmosCalls.ToStream(CheckpointItem(bucket)), new PartitionKey(CheckpointPartition), cancellationToken: ct), ct);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            CosmosCalls.Ensure(response, "due checkpoint");
        }
    }

    private async Task<(string Bucket, string ETag)?> ReadCheckpointAsync(CancellationToken ct)
    {
        var item = (await calls.QueryAsync(container, CheckpointPartition,
            new QueryDefinition("SELECT * FROM c WHERE c.bucket = @b AND c.id = @id").WithParameter("@b", CheckpointPartition).WithParameter("@id", CheckpointId), ct))
            .FirstOrDefault();
        return item is null ? null : ((string)item["oldest"]!, (string)item["_etag"]!);
    }

    private static JsonObject CheckpointItem(string oldest) => new() { ["id"] = CheckpointId, ["bucket"] = CheckpointPartition, ["oldest"] = oldest };

    private static DateTimeOffset ParseBucket(string bucket) =>
        DateTimeOffset.ParseExact(bucket, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string EntryId(string tenantId, string runItemId) => $"{tenantId}|{runItemId}";
}
