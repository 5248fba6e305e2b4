using Microsoft.Azure.Cosmos;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// With the durable engine (Azure mode) the run store keeps no due index: a save writes no entry, an entry left by an
/// earlier save with the index on is removed at the run's next save, and asking for due runs fails loudly.
/// </summary>
public sealed class CosmosDueIndexOffTests : IClassFixture<CosmosServerFixture>
{
    private readonly CosmosContainers _containers;
    private readonly CosmosRunStore _indexed;
    private readonly CosmosRunStore _durable;

    public CosmosDueIndexOffTests(CosmosServerFixture server)
    {
        _containers = CosmosTestDatabase.Open(server);
        var options = CosmosTestDatabase.Options(_containers.Runs.Database.Id);
        _indexed = new CosmosRunStore(_containers, options, TimeProvider.System);
        var off = CosmosTestDatabase.Options(_containers.Runs.Database.Id);
        off.DueIndex = false;
        _durable = new CosmosRunStore(_containers, off, TimeProvider.System);
    }

    [Fact]
    public async Task ASave_WritesNoEntry_AndFindingDueRunsIsRefused()
    {
        var run = CosmosRuns.New("r-durable");
        await _durable.CreateAsync(run);

        Assert.Empty(await EntriesAsync(run.NextDeadline!.Value, "r-durable"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _durable.FindDueAsync(run.NextDeadline!.Value.AddDays(30), 10));
    }

    [Fact]
    public async Task AnEntryFromBefore_IsRemovedAtTheRunsNextSave()
    {
        var run = CosmosRuns.New("r-switched");
        await _indexed.CreateAsync(run);
        var firstDue = run.NextDeadline!.Value;
        Assert.Single(await EntriesAsync(firstDue, "r-switched"));

        var stored = (await _durable.FindAsync("t1", "r-switched"))!;
        int version = stored.Version;
        stored.CompleteStep(CosmosRuns.FirstStep, CosmosRuns.Kabid, CosmosRuns.Disposition, CosmosRuns.At(CosmosRuns.Monday.AddMinutes(5)));
        await _durable.SaveAsync(stored, version);

        Assert.NotNull(stored.NextDeadline); // the next step waits on a deadline, kept by the orchestration's timer alone
        Assert.Empty(await EntriesAsync(firstDue, "r-switched"));
        Assert.Empty(await EntriesAsync(stored.NextDeadline!.Value, "r-switched"));
    }

    /// <summary>The due-index entries of a run in the hour-buckets it may have been written to for <paramref name="dueAt"/>.</summary>
    private async Task<List<DueEntry>> EntriesAsync(DateTimeOffset dueAt, string runId)
    {
        // A deadline already past goes to the hour of writing (DueIndex.PutAsync); that hour may have just ended.
        var now = DateTimeOffset.UtcNow;
        var entries = new List<DueEntry>();
        foreach (string bucket in new[] { dueAt, now, now.AddHours(-1) }.Select(DueIndex.Bucket).Distinct())
        {
            using var iterator = _containers.Due.GetItemQueryIterator<DueEntry>(
                new QueryDefinition("SELECT * FROM c WHERE c.bucket = @b").WithParameter("@b", bucket),
                requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(bucket) });
            while (iterator.HasMoreResults)
            {
                entries.AddRange((await iterator.ReadNextAsync()).Where(e => e.RunId == runId));
            }
        }

        return entries;
    }

    private sealed record DueEntry(string Id, string? RunId);
}
