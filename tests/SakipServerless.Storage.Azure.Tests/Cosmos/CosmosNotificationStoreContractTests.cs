using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;
using SakipServerless.Storage.Contract;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// The notification store contract, unchanged, against the Cosmos DB adapter on @vercel/cosmosdb-server (deviations of
/// that server: see <see cref="CosmosTestDatabase"/>). Each test has its own database.
/// </summary>
public sealed class CosmosNotificationStoreContractTests : NotificationStoreContract, IClassFixture<CosmosServerFixture>
{
    private readonly CosmosContainers _containers;
    private readonly CosmosDocumentStore _documents;
    private readonly CosmosCalls _calls;

    public CosmosNotificationStoreContractTests(CosmosServerFixture server)
    {
        _containers = CosmosTestDatabase.Open(server);
        var options = CosmosTestDatabase.Options(_containers.Runs.Database.Id);
        _calls = new CosmosCalls(options, TimeProvider.System);
        _documents = new CosmosDocumentStore(_containers.Documents, options, TimeProvider.System);
        Store = new CosmosNotificationStore(_containers, options, TimeProvider.System, _documents);
    }

    protected override INotificationStore Store { get; }

    /// <summary>
    /// What the run store writes with a transition: the message in its run item's outbox (one item per run id here,
    /// the run's own fields left out), and the pemda's pending signal. The pemda is registered as it is when the tenant is created.
    /// </summary>
    protected override async Task AppendOutboxAsync(OutboxMessage message)
    {
        await _documents.PutAsync(message.TenantId, DocumentKinds.Tenant, message.TenantId,
            new Tenant { Id = message.TenantId, Name = message.TenantId, TimeZone = "Asia/Makassar" });

        string runId = message.Notification.RunId;
        var key = new PartitionKey(message.TenantId);
        var existing = await _calls.QueryAsync(_containers.Runs, message.TenantId,
            new QueryDefinition("SELECT * FROM c WHERE c.tenantId = @t AND c.runId = @r").WithParameter("@t", message.TenantId).WithParameter("@r", runId), default);
        var item = existing.FirstOrDefault() ?? new JsonObject
        {
            ["id"] = $"run|{message.OpdId}|template|{runId}",
            ["tenantId"] = message.TenantId,
            ["type"] = "run",
            ["runId"] = runId,
            ["opdId"] = message.OpdId,
            ["version"] = 1,
        };
        var pending = RunItemOutbox.Read(item);
        pending.Add(message.Notification);
        RunItemOutbox.Set(item, pending, item[RunItemOutbox.State]?.AsArray());
        GuardedEdit.WithoutSystemProperties(item);
        using var response = await _containers.Runs.UpsertItemStreamAsync(CosmosCalls.ToStream(item), key);
        CosmosCalls.Ensure(response, "test outbox write");
        await new PendingSignals(_containers.Due, _calls).RaiseAsync(PendingSignals.Outbox, message.TenantId, default);
    }
}
