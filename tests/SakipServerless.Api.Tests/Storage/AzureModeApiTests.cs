using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Files;
using SakipServerless.Storage.Contract.Emulators;

namespace SakipServerless.Api.Tests.Storage;

/// <summary>
/// Azure mode as deployed: the durable engine on Cosmos DB (cosmosdb-server) with evidence in Blob Storage (Azurite),
/// through HTTP. A run goes to its collect step, a unit submits with evidence, the analyst accepts; the projections
/// the orchestration writes are what the API reads back. The Cosmos run store keeps no due index in this mode (durable
/// timers keep the deadlines), which the same play on the embedded engine, whose sweep needs the index, shows is a
/// real difference and not an empty store.
/// </summary>
public sealed class AzureModeApiTests(CosmosDbServerFixture cosmos, AzuriteFixture azurite)
    : IClassFixture<CosmosDbServerFixture>, IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task DurableOnCosmos_RunsTheCollectStep_FromTheOrchestrationsProjection_WithoutADueIndex()
    {
        await using var w = await EvidenceWorld.CreateAsync(CosmosSettings(), engine: RunEngineKind.Durable);
        Assert.IsType<CosmosRunStore>(w.Factory.Services.GetRequiredService<IRunStore>());
        Assert.IsType<BlobFileStore>(w.Factory.Services.GetRequiredService<IFileStore>());

        var staff = await w.ClientAsync("kesbangpol-bid-politik");
        string report = await staff.UploadEvidenceAsync(w.RunId);
        string unit = $"/api/runs/{w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik";
        await (await staff.PostJsonAsync($"{unit}/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 91.5m } }, evidenceFileIds = new[] { report } })).JsonAsync(HttpStatusCode.OK);
        var analis = await w.ClientAsync("kesbangpol-analisis-data");
        var accepted = await (await analis.PostJsonAsync($"{unit}/accept", new { })).JsonAsync(HttpStatusCode.OK);

        var task = accepted.Step(EvidenceWorld.CollectStep).GetProperty("unitTasks").EnumerateArray().Single(t => t.GetProperty("unitId").GetString() == "bid-politik");
        Assert.Equal("accepted", task.GetProperty("status").GetString());
        var read = await (await analis.GetAsync($"/api/runs/{w.RunId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(accepted.GetProperty("version").GetInt32(), read.GetProperty("version").GetInt32());
        Assert.Contains(read.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "evidence-uploaded");

        Assert.False(w.Factory.Services.GetRequiredService<CosmosStorageOptions>().DueIndex);
        Assert.Null(await DueBucketOfAsync(w));
        await Assert.ThrowsAsync<InvalidOperationException>(() => w.Factory.Services.GetRequiredService<IRunStore>().FindDueAsync(DateTimeOffset.UtcNow, 10));
    }

    [Fact]
    public async Task EmbeddedOnCosmos_StillIndexesTheRunsDeadline_ForItsSweep()
    {
        await using var w = await EvidenceWorld.CreateAsync(CosmosSettings());

        Assert.True(w.Factory.Services.GetRequiredService<CosmosStorageOptions>().DueIndex);
        Assert.NotNull(await DueBucketOfAsync(w));
    }

    /// <summary>The hour-bucket of the due index the run item points at, or null when it has no entry there.</summary>
    private static async Task<string?> DueBucketOfAsync(EvidenceWorld w)
    {
        var runs = w.Factory.Services.GetRequiredService<CosmosContainers>().Runs;
        using var iterator = runs.GetItemQueryIterator<RunItemDueFields>(
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'run'").WithParameter("@t", TestWorld.Tenant),
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(TestWorld.Tenant) });
        var items = new List<RunItemDueFields>();
        while (iterator.HasMoreResults)
        {
            items.AddRange(await iterator.ReadNextAsync());
        }

        var item = Assert.Single(items, i => i.RunId == w.RunId);
        Assert.NotNull(item.NextDeadline); // the run does wait on a deadline
        return item.DueBucket;
    }

    /// <summary>The run item's fields that concern the due index (the SDK reads items with its own JSON serializer).</summary>
    private sealed record RunItemDueFields(string RunId, long? NextDeadline, string? DueBucket);

    private Dictionary<string, string?> CosmosSettings() => AzureSettings.CosmosAndBlob(cosmos, azurite);
}
