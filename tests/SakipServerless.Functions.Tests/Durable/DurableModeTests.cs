using System.Text.Json;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Api.Runs.Reconciliation;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Projection;
using SakipServerless.Functions.Orchestration;
using SakipServerless.Functions.Tests.Support;
using SakipServerless.Functions.Timers;

namespace SakipServerless.Functions.Tests.Durable;

/// <summary>
/// The Functions app in durable mode: HTTP commands through the <c>Api</c> function reach orchestrations over the
/// client its <c>[DurableClient]</c> binding gave, and those orchestrations run the app's own wrappers
/// (<see cref="SopRunOrchestration"/>, <see cref="WriteRunProjectionActivity"/>) on DurableTaskTestHost, in place of
/// the Functions host that cannot run here.
/// </summary>
public sealed class DurableModeTests : IAsyncLifetime
{
    private FunctionsApp _app = null!;
    private DurableTaskTestHost _durable = null!;

    public async Task InitializeAsync()
    {
        _app = FunctionsApp.Build(TestSettings.For(TestSettings.NewDatabasePath(), new Dictionary<string, string?> { ["Sakip:Engine:Mode"] = "durable" }));
        await World.SeedAsync(_app.Services);
        var services = _app.Services;
        _durable = await StartDurableHostAsync(registry => registry
            .AddOrchestratorFunc<string, string>(nameof(SopRunOrchestrator), (context, _) => SopRunOrchestration.RunAsync(context)!)
            .AddActivityFunc<string, ProjectionResult>(nameof(WriteRunProjection), async (context, input) =>
            {
                // As the worker does: the function class built from the invocation's scope, which lives as long as the call.
                await using var scope = services.CreateAsyncScope();
                var activity = ActivatorUtilities.CreateInstance<WriteRunProjectionActivity>(scope.ServiceProvider);
                return await activity.RunAsync(input!, FunctionContexts.For(context.Name, scope.ServiceProvider,
                    new Dictionary<string, object?> { ["instanceId"] = context.InstanceId }));
            }));
    }

    /// <summary>The test host picks a free port and then binds it; another process on this shared machine can take it
    /// in between, so a start that meets a taken port is retried on a new one.</summary>
    private static async Task<DurableTaskTestHost> StartDurableHostAsync(Action<Microsoft.DurableTask.DurableTaskRegistry> registry)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(registry);
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _durable.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ARunStartedAndCommandedThroughTheApiFunction_IsAnOrchestrationWhoseWrappersWriteTheProjection()
    {
        string token = await World.SignInAsync(c => _app.InvokeApiAsync(c), World.Head);

        var started = await _app.InvokeApiAsync(HttpCall.Post("/api/runs", JsonSerializer.Serialize(new { opdId = World.Opd, period = "2026-Q1" }), token), _durable.Client);
        Assert.True(started.Status == 201, $"{started.Status} {started.Body}");
        string runId = started.Json().GetProperty("id").GetString()!;

        var instance = await _durable.Client.GetInstanceAsync(runId);
        Assert.NotNull(instance);
        Assert.Equal(nameof(SopRunOrchestrator), instance.Name);
        Assert.NotNull(await _app.Services.GetRequiredService<IRunStore>().FindAsync(World.Tenant, runId)); // written by the activity wrapper

        var suspended = await _app.InvokeApiAsync(new HttpCall("POST", $"/api/runs/{runId}/suspend", JsonSerializer.Serialize(new { reason = "Uji penangguhan" }), token), _durable.Client);
        Assert.True(suspended.Status == 200, $"{suspended.Status} {suspended.Body}");
        Assert.Equal("suspended", suspended.Json().GetProperty("status").GetString());
        var read = await _app.InvokeApiAsync(HttpCall.Get($"/api/runs/{runId}", token), _durable.Client);
        Assert.Equal("suspended", read.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheNightlyReconciliation_FindsNothingOnAHealthyRun_AndAnOrchestrationTerminatedBehindTheApisBack()
    {
        string token = await World.SignInAsync(c => _app.InvokeApiAsync(c), World.Head);
        var started = await _app.InvokeApiAsync(HttpCall.Post("/api/runs", JsonSerializer.Serialize(new { opdId = World.Opd, period = "2026-Q1" }), token), _durable.Client);
        string runId = started.Json().GetProperty("id").GetString()!;

        var healthy = await ReconcileAsync();
        Assert.Equal(1, healthy.Compared);
        Assert.Empty(healthy.Findings);

        await _durable.Client.TerminateInstanceAsync(runId); // as from the portal: the projection is not told
        await _durable.Client.WaitForInstanceCompletionAsync(runId);
        var drifted = await ReconcileAsync();

        var finding = Assert.Single(drifted.Findings);
        Assert.Equal((World.Tenant, runId, ReconciliationIssue.OrchestrationEndedRunOpen), (finding.TenantId, finding.RunId, finding.Issue));
    }

    [Fact]
    public async Task TheReconciliation_SeesAProjectionThatMovedWithoutItsOrchestration()
    {
        string token = await World.SignInAsync(c => _app.InvokeApiAsync(c), World.Head);
        var started = await _app.InvokeApiAsync(HttpCall.Post("/api/runs", JsonSerializer.Serialize(new { opdId = World.Opd, period = "2026-Q1" }), token), _durable.Client);
        string runId = started.Json().GetProperty("id").GetString()!;
        var store = _app.Services.GetRequiredService<IRunStore>();
        var run = (await store.FindAsync(World.Tenant, runId))!;
        int version = run.Version;
        // A write the orchestration did not make: the same run one version on, through the store's own JSON.
        var moved = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(run, SakipServerless.Core.CoreJson.Options))!;
        moved["version"] = version + 1;
        await store.SaveAsync(moved.Deserialize<SakipServerless.Core.Runs.SopRun>(SakipServerless.Core.CoreJson.Options)!, version);

        var report = await ReconcileAsync();

        var finding = Assert.Single(report.Findings);
        Assert.Equal(ReconciliationIssue.VersionDiffers, finding.Issue);
        Assert.Contains($"{version + 1}", finding.Detail);
    }

    [Fact]
    public async Task TheScheduledStartsTimer_StartsTheDueRunAsAnOrchestration_Once()
    {
        // The seed template's "setiap tanggal 10 awal Triwulan", published long before now: the latest occurrence is due.
        var documents = _app.Services.GetRequiredService<IDocumentStore>();
        await documents.PutAsync(World.Tenant, DocumentKinds.Template, $"{World.Template.Id}@1",
            World.Template with { PublishedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        Assert.NotNull(World.Template.Schedule);

        var first = await StartScheduledAsync();
        var second = await StartScheduledAsync();

        string runId = Assert.Single(first.Started);
        Assert.Equal(0, first.Failed);
        Assert.Empty(second.Started); // the store's one run per period: the next tick finds it
        var instance = await _durable.Client.GetInstanceAsync(runId);
        Assert.Equal(nameof(SopRunOrchestrator), instance?.Name);
        Assert.NotNull(await _app.Services.GetRequiredService<IRunStore>().FindAsync(World.Tenant, runId));
    }

    private async Task<SakipServerless.Api.Scheduling.ScheduledStartsResult> StartScheduledAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var timer = ActivatorUtilities.CreateInstance<ScheduledStartsTimer>(scope.ServiceProvider);
        return await timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), _durable.Client, FunctionContexts.For(ScheduledStartsTimer.Name, scope.ServiceProvider));
    }

    private async Task<ReconciliationReport> ReconcileAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var timer = ActivatorUtilities.CreateInstance<RunReconciliationTimer>(scope.ServiceProvider);
        return await timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), _durable.Client, FunctionContexts.For(RunReconciliationTimer.Name, scope.ServiceProvider));
    }

    [Fact]
    public async Task TheDurableEngine_IsBuiltOverTheBoundClient_AndRefusedWithoutOne()
    {
        await using var scope = _app.Services.CreateAsyncScope();

        var unbound = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IRunEngine>());
        Assert.Contains("[DurableClient]", unbound.Message);
        using (_app.BoundClient.Bind(_durable.Client))
        {
            Assert.IsType<DurableRunEngine>(scope.ServiceProvider.GetRequiredService<IRunEngine>());
            Assert.NotNull(scope.ServiceProvider.GetRequiredService<DurableRunClient>());
        }

        Assert.False(_app.BoundClient.IsBound);
    }
}
