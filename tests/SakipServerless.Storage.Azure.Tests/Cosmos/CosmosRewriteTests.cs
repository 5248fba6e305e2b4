using Microsoft.Azure.Cosmos;
using SakipServerless.Core.Runs;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Faults;
using SakipServerless.Storage.Azure.Tests.Support;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// The durable engine's repair of a diverged projection on Cosmos DB: the run item is replaced whole, and the
/// submission items of units only the replaced state had submitted go with it.
/// </summary>
public sealed class CosmosRewriteTests : IClassFixture<CosmosServerFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(8));
    private readonly CosmosContainers _containers;
    private readonly CosmosRunStore _store;

    public CosmosRewriteTests(CosmosServerFixture server)
    {
        _containers = CosmosTestDatabase.Open(server);
        var options = CosmosTestDatabase.Options(_containers.Runs.Database.Id);
        options.DueIndex = false;
        _store = new CosmosRunStore(_containers, options, TimeProvider.System);
    }

    [Fact]
    public async Task Rewrite_DropsTheSubmissionItemsOfTheReplacedState_AndKeepsTheRunsOwn()
    {
        var run = RunScript.Start("r-rewrite", "t1", "o1", 1, Monday);
        await _store.CreateAsync(run);
        foreach (var command in RunScript.Commands.Take(3)) // to the collect step, u1 submitted
        {
            int version = run.Version;
            command.Apply(run, RunScript.At(Monday.AddMinutes(10)));
            await _store.SaveAsync(run, version);
        }

        var lost = run.Copy();
        RunScript.Commands[3].Apply(lost, RunScript.At(Monday.AddMinutes(20))); // u2 submits, in a write never committed
        await _store.SaveAsync(lost, run.Version);
        Assert.Equal(["u1", "u2"], await SubmittedUnitsAsync("r-rewrite"));

        RunScript.Commands[4].Apply(run, RunScript.At(Monday.AddMinutes(21))); // the orchestration's own: u3 submits
        run.ReplacingStateAt(lost.Version);
        await _store.RewriteAsync(run, lost.Version);

        Assert.Equal(["u1", "u3"], await SubmittedUnitsAsync("r-rewrite"));
        var stored = (await _store.FindAsync("t1", "r-rewrite"))!;
        Assert.Equal((lost.Version + 1, run.History.Count), (stored.Version, stored.History.Count));
        Assert.DoesNotContain(stored.History, e => e.Type == RunEventType.UnitTaskSubmitted && e.UnitId == "u2");
    }

    private async Task<List<string>> SubmittedUnitsAsync(string runId)
    {
        // The emulator answers only simple queries; filter the pemda's items here.
        var units = new List<string>();
        using var iterator = _containers.Runs.GetItemQueryIterator<Item>(new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t").WithParameter("@t", "t1"),
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("t1") });
        while (iterator.HasMoreResults)
        {
            units.AddRange((await iterator.ReadNextAsync()).Where(i => i.type == "submission" && i.runId == runId).Select(i => i.unitId!));
        }

        units.Sort(StringComparer.Ordinal);
        return units;
    }

    private sealed record Item(string id, string type, string? runId, string? unitId);
}
