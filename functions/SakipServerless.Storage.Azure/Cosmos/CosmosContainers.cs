using Microsoft.Azure.Cosmos;

namespace SakipServerless.Storage.Azure.Cosmos;

/// <summary>
/// The containers and why they are partitioned as they are.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>documents</c> and <c>runs</c> are partitioned by <c>/tenantId</c> (the pemda): every workflow, dashboard and
/// master-data query names one pemda, so it stays inside one partition; a pemda's data (a few OPDs, a few hundred runs a
/// year) stays far below a logical partition's 20 GB. Besides the run items, <c>runs</c> holds what hangs off a run in
/// the same pemda: unit-submission items, idempotency pointers, inbox entries and webhook deliveries.</item>
/// <item><c>due</c> is partitioned by <c>/bucket</c>, the UTC hour of a deadline: the sweep, which must look across all
/// pemda, reads the few hour-buckets between its checkpoint and now, each a single-partition query, so its cost follows
/// what is due, not how many runs exist. Its <c>_signals</c> partition says which pemda have notifications or webhook
/// deliveries waiting (<see cref="PendingSignals"/>), so the dispatcher, too, visits only pemda with work.</item>
/// </list>
/// </remarks>
public sealed class CosmosContainers(Container documents, Container runs, Container due)
{
    public const string DocumentsName = "documents";
    public const string RunsName = "runs";
    public const string DueName = "due";

    public Container Documents { get; } = documents;

    public Container Runs { get; } = runs;

    public Container Due { get; } = due;

    /// <summary>Gets the containers, creating database and containers first when <paramref name="createIfMissing"/> (local, tests).</summary>
    public static async Task<CosmosContainers> OpenAsync(CosmosClient client, CosmosStorageOptions options, CancellationToken ct = default)
    {
        var database = client.GetDatabase(options.Database);
        if (options.CreateIfMissing)
        {
            database = (await client.CreateDatabaseIfNotExistsAsync(options.Database, cancellationToken: ct)).Database;
            await database.CreateContainerIfNotExistsAsync(DocumentsName, "/tenantId", cancellationToken: ct);
            await database.CreateContainerIfNotExistsAsync(RunsName, "/tenantId", cancellationToken: ct);
            await database.CreateContainerIfNotExistsAsync(DueName, "/bucket", cancellationToken: ct);
        }

        return new CosmosContainers(database.GetContainer(DocumentsName), database.GetContainer(RunsName), database.GetContainer(DueName));
    }
}
