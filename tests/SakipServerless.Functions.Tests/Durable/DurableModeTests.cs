using System.Text.Json;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Projection;
using SakipServerless.Functions.Orchestration;
using SakipServerless.Functions.Tests.Support;

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
        _durable = await DurableTaskTestHost.StartAsync(registry => registry
            .AddOrchestratorFunc<string, string>(nameof(SopRunOrchestrator), (context, _) => SopRunOrchestration.RunAsync(context)!)
            .AddActivityFunc<string, ProjectionResult>(nameof(WriteRunProjection), (context, input) =>
            {
                using var scope = services.CreateScope();
                var activity = ActivatorUtilities.CreateInstance<WriteRunProjectionActivity>(scope.ServiceProvider);
                return activity.RunAsync(input, FunctionContexts.For(context.Name, scope.ServiceProvider,
                    new Dictionary<string, object?> { ["instanceId"] = context.InstanceId }));
            }));
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
