using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;

namespace SakipServerless.Storage.Azure.Tests.Cosmos;

/// <summary>
/// The dispatcher visits only the pemda that signalled work (plus every pemda once per full-scan interval): a quiet
/// pemda's signal is cleared, a new transition raises it again, and a signal raised after it was read is not cleared.
/// </summary>
public sealed class CosmosPendingSignalTests : IClassFixture<CosmosServerFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly CosmosContainers _containers;
    private readonly CosmosDocumentStore _documents;
    private readonly CosmosRunStore _runs;
    private readonly CosmosNotificationStore _notifications;
    private readonly PendingSignals _signals;

    public CosmosPendingSignalTests(CosmosServerFixture server)
    {
        _containers = CosmosTestDatabase.Open(server);
        var options = CosmosTestDatabase.Options(_containers.Runs.Database.Id);
        _documents = new CosmosDocumentStore(_containers.Documents, options, TimeProvider.System);
        _runs = new CosmosRunStore(_containers, options, TimeProvider.System);
        _notifications = new CosmosNotificationStore(_containers, options, TimeProvider.System, _documents);
        _signals = new PendingSignals(_containers.Due, new CosmosCalls(options, TimeProvider.System));
    }

    [Fact]
    public async Task AQuietPemdasSignal_IsCleared_AndTheNextTransitionRaisesItAgain()
    {
        foreach (string tenant in new[] { "t1", "t2" })
        {
            await _documents.PutAsync(tenant, DocumentKinds.Tenant, tenant, new Tenant { Id = tenant, Name = tenant, TimeZone = "Asia/Makassar" });
        }

        await _runs.CreateAsync(CosmosRuns.New("r1", tenant: "t1"));
        Assert.Equal(["t1"], (await _signals.ListAsync(PendingSignals.Outbox, default)).Select(s => s.TenantId));
        var now = CosmosRuns.Monday;
        foreach (var claim in await _notifications.ClaimPendingAsync("d", now, Lease, 100))
        {
            await _notifications.CompleteDispatchAsync(new OutboxDispatch(claim.Message.Notification.Id, now, [], null));
        }

        Assert.Empty(await _notifications.ClaimPendingAsync("d", now, Lease, 100)); // t1 had nothing left: its signal goes
        Assert.Empty(await _signals.ListAsync(PendingSignals.Outbox, default));

        // Within the full-scan interval only signalled pemda are visited: t2's new run is found through its signal.
        await _runs.CreateAsync(CosmosRuns.New("r2", tenant: "t2"));
        var claims = await _notifications.ClaimPendingAsync("d", now, Lease, 100);
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal("t2", c.Message.TenantId));
    }

    [Fact]
    public async Task ASignalRaisedAfterItWasRead_IsNotCleared()
    {
        await _signals.RaiseAsync(PendingSignals.Outbox, "t1", default);
        var (_, etag) = Assert.Single(await _signals.ListAsync(PendingSignals.Outbox, default));

        await _signals.RaiseAsync(PendingSignals.Outbox, "t1", default); // a writer, between the dispatcher's read and clear
        await _signals.ClearAsync(PendingSignals.Outbox, "t1", etag, default);

        Assert.Single(await _signals.ListAsync(PendingSignals.Outbox, default));
        var (_, fresh) = Assert.Single(await _signals.ListAsync(PendingSignals.Outbox, default));
        await _signals.ClearAsync(PendingSignals.Outbox, "t1", fresh, default);
        Assert.Empty(await _signals.ListAsync(PendingSignals.Outbox, default));
    }
}
