using System.Text.Json;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// The dashboard's read model: the projection written with each transition, read back by a single-partition query
/// that projects one field (cosmosdb-server supports such projections).
/// </summary>
public sealed class CosmosDashboardRunReaderTests : IClassFixture<CosmosServerFixture>
{
    private readonly CosmosRunStore _runs;
    private readonly CosmosDashboardRunReader _reader;
    private readonly CosmosContainers _containers;
    private readonly CosmosStorageOptions _options;

    public CosmosDashboardRunReaderTests(CosmosServerFixture server)
    {
        var containers = _containers = CosmosTestDatabase.Open(server);
        var options = _options = CosmosTestDatabase.Options(containers.Runs.Database.Id);
        _runs = new CosmosRunStore(containers, options, TimeProvider.System);
        _reader = new CosmosDashboardRunReader(containers, options, TimeProvider.System);
    }

    [Fact]
    public async Task TheProjection_FollowsEachTransition_WithoutHistory()
    {
        await _runs.CreateAsync(CosmosRuns.New("r1"));
        var run = (await _runs.FindAsync("t1", "r1"))!;
        run.CompleteStep(CosmosRuns.FirstStep, CosmosRuns.Kabid, CosmosRuns.Disposition, CosmosRuns.At(CosmosRuns.Monday.AddMinutes(5)));
        await _runs.SaveAsync(run, 1);

        var projected = Assert.Single(await _reader.ListAsync(new RunQuery("t1") { Year = 2026 }));

        Assert.Equal(run.Version, projected.Version);
        Assert.Equal(JsonSerializer.Serialize(run.Steps, CoreJson.Options), JsonSerializer.Serialize(projected.Steps, CoreJson.Options));
        Assert.Equal((run.Status, run.OpdId, run.Period, run.StartedAt), (projected.Status, projected.OpdId, projected.Period, projected.StartedAt));
        Assert.Empty(projected.History);
        Assert.NotEmpty(run.History);
    }

    [Fact]
    public async Task AnItemWrittenBeforeProjectionsExisted_IsReadFromItsRun()
    {
        await _runs.CreateAsync(CosmosRuns.New("r1"));
        var calls = new CosmosCalls(_options, TimeProvider.System);
        var item = (await calls.QueryAsync(_containers.Runs, "t1",
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = 't1' AND c.runId = 'r1'"), default)).Single();
        item.Remove(DashboardProjection.Field);
        using (var response = await _containers.Runs.ReplaceItemStreamAsync(CosmosCalls.ToStream(GuardedEdit.WithoutSystemProperties(item)), (string)item["id"]!, new PartitionKey("t1")))
        {
            CosmosCalls.Ensure(response, "test rewrite");
        }

        var run = Assert.Single(await _reader.ListAsync(new RunQuery("t1") { Year = 2026 }));

        Assert.Equal(RunJson.Serialize((await _runs.FindAsync("t1", "r1"))!), RunJson.Serialize(run));
    }

    [Fact]
    public async Task TheQuery_FiltersByYearOpdPeriodAndStatus_WithinOnePemda()
    {
        await _runs.CreateAsync(CosmosRuns.New("a", opd: "o1", quarter: 1));
        await _runs.CreateAsync(CosmosRuns.New("b", opd: "o2", quarter: 1));
        await _runs.CreateAsync(CosmosRuns.New("c", opd: "o1", quarter: 2));
        await _runs.CreateAsync(CosmosRuns.New("x", tenant: "t2"));
        var c = (await _runs.FindAsync("t1", "c"))!;
        c.Terminate(CosmosRuns.Head, "keliru", CosmosRuns.At(CosmosRuns.Monday.AddMinutes(1)));
        await _runs.SaveAsync(c, 1);

        Assert.Equal(["a", "b", "c"], (await _reader.ListAsync(new RunQuery("t1") { Year = 2026 })).Select(r => r.Id).Order());
        Assert.Empty(await _reader.ListAsync(new RunQuery("t1") { Year = 2025 }));
        Assert.Equal(["a", "c"], (await _reader.ListAsync(new RunQuery("t1") { OpdId = "o1" })).Select(r => r.Id));
        Assert.Equal(["a", "b"], (await _reader.ListAsync(new RunQuery("t1") { Period = new Period(2026, 1) })).Select(r => r.Id));
        Assert.Equal(["a", "b"], (await _reader.ListAsync(new RunQuery("t1") { Status = RunStatus.Running })).Select(r => r.Id));
        Assert.Equal(["x"], (await _reader.ListAsync(new RunQuery("t2"))).Select(r => r.Id));
    }
}
