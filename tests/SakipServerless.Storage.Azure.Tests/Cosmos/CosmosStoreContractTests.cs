using Microsoft.Azure.Cosmos;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;
using SakipServerless.Storage.Contract;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// The storage contract suites, unchanged, against the Cosmos DB adapter on @vercel/cosmosdb-server.
/// </summary>
/// <remarks>
/// Deviations of that server from Cosmos DB (the adapter stays inside what both do): a point read of a missing item
/// answers 500 instead of 404 (the adapter reads by single-partition query); no cross-partition queries, ORDER BY, TOP,
/// aggregates, GROUP BY or OFFSET (the adapter sorts and filters in memory within one partition); no transactional batch
/// (tests turn <see cref="CosmosStorageOptions.UseTransactionalBatch"/> off); no incremental change feed and no ReadMany
/// (not used). 404/412/429/503 paths the server cannot produce are covered with Moq in <see cref="CosmosErrorPathTests"/>.
/// </remarks>
internal static class CosmosTestDatabase
{
    public static CosmosStorageOptions Options(string name) => new() { Database = name, CreateIfMissing = true, UseTransactionalBatch = false };

    public static CosmosContainers Open(CosmosServerFixture server) =>
        CosmosContainers.OpenAsync(server.CreateClient(), Options("db-" + Guid.NewGuid().ToString("N")[..12])).GetAwaiter().GetResult();
}

public sealed class CosmosRunStoreContractTests : RunStoreContract, IClassFixture<CosmosServerFixture>
{
    private readonly CosmosContainers _containers;

    public CosmosRunStoreContractTests(CosmosServerFixture server)
    {
        _containers = CosmosTestDatabase.Open(server);
        Store = new CosmosRunStore(_containers, CosmosTestDatabase.Options(_containers.Runs.Database.Id), Clock);
    }

    protected override IRunStore Store { get; }

    /// <summary>The notifications held in the run item's outbox.</summary>
    protected override async Task<IReadOnlyList<string>> OutboxIdsAsync(string runId)
    {
        var ids = new List<string>();
        foreach (var tenant in new[] { "t1", "t2" })
        {
            using var iterator = _containers.Runs.GetItemQueryIterator<RunItem>(
                new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t").WithParameter("@t", tenant),
                requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(tenant) });
            while (iterator.HasMoreResults)
            {
                foreach (var item in await iterator.ReadNextAsync())
                {
                    if (item.type == "run" && item.runId == runId)
                    {
                        ids.AddRange(item.outbox?.Select(o => o.id) ?? []);
                    }
                }
            }
        }

        return ids.Order(StringComparer.Ordinal).ToList();
    }

    private sealed record RunItem(string id, string type, string? runId, List<OutboxItem>? outbox);

    private sealed record OutboxItem(string id);
}

public sealed class CosmosDocumentStoreContractTests : DocumentStoreContract, IClassFixture<CosmosServerFixture>
{
    public CosmosDocumentStoreContractTests(CosmosServerFixture server)
    {
        var containers = CosmosTestDatabase.Open(server);
        Store = new CosmosDocumentStore(containers.Documents, CosmosTestDatabase.Options(containers.Documents.Database.Id), TimeProvider.System);
    }

    protected override IDocumentStore Store { get; }
}
