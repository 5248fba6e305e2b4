using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SakipServerless.Api.Clock;
using SakipServerless.Api.Notifications;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Core.Storage;
using SakipServerless.Functions.Durable;
using SakipServerless.Functions.Tests.Durable;
using SakipServerless.Functions.Tests.Support;
using SakipServerless.Functions.Timers;

namespace SakipServerless.Functions.Tests.Timers;

/// <summary>The <c>DeadlineSweep</c> timer function invoked directly, as the host does each minute.</summary>
public sealed class DeadlineSweepTimerTests
{
    [Fact]
    public async Task ATick_EscalatesWhatIsOverdue_InTheEmbeddedEngine_AndASecondTickChangesNothing()
    {
        await using var app = FunctionsApp.Build(TestSettings.For(TestSettings.NewDatabasePath()));
        await World.SeedAsync(app.Services);
        string token = await World.SignInAsync(c => app.InvokeApiAsync(c), World.Head);
        var started = await app.InvokeApiAsync(HttpCall.Post("/api/runs", JsonSerializer.Serialize(new { opdId = World.Opd, period = "2026-Q1" }), token));
        Assert.Equal(201, started.Status);
        string runId = started.Json().GetProperty("id").GetString()!;

        app.Services.GetRequiredService<AppClock>().Advance(TimeSpan.FromDays(30)); // well past the first step's due time
        int first = await TickAsync(app);
        int second = await TickAsync(app);

        Assert.True(first > 0, "nothing was escalated");
        Assert.Equal(0, second);
        var run = await app.Services.GetRequiredService<IRunStore>().FindAsync(World.Tenant, runId);
        Assert.Contains(run!.Steps, s => s.EscalationLevel > 0);
    }

    [Fact]
    public async Task TheEngine_RunsWithTheInvocationsDurableClientBound_AndReleasesItAfterwards()
    {
        var client = new Mock<DurableTaskClient>("hub").Object;
        BoundDurableClient? bound = null;
        var engine = new Mock<IRunEngine>();
        engine.Setup(e => e.ProcessDeadlinesAsync(It.IsAny<CancellationToken>()))
            .Callback(() => Assert.Same(client, bound!.Current))
            .ReturnsAsync(3);
        await using var app = FunctionsApp.Build(TestSettings.For(TestSettings.NewDatabasePath()), s => s.AddScoped(_ => engine.Object));
        bound = app.BoundClient;

        int escalations = await TickAsync(app, client);

        Assert.Equal(3, escalations);
        engine.Verify(e => e.ProcessDeadlinesAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.False(bound.IsBound);
    }

    [Fact]
    public async Task AFailingPass_FailsTheInvocation_SoTheHostRecordsIt()
    {
        var engine = new Mock<IRunEngine>();
        engine.Setup(e => e.ProcessDeadlinesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("store"));
        await using var app = FunctionsApp.Build(TestSettings.For(TestSettings.NewDatabasePath()), s => s.AddScoped(_ => engine.Object));

        await Assert.ThrowsAsync<TimeoutException>(() => TickAsync(app));
        Assert.False(app.BoundClient.IsBound);
    }

    [Fact]
    public async Task TheReconciliation_HasNothingToCompare_InTheEmbeddedEngine()
    {
        await using var app = FunctionsApp.Build(TestSettings.For(TestSettings.NewDatabasePath()));
        await using var scope = app.Services.CreateAsyncScope();
        var timer = ActivatorUtilities.CreateInstance<RunReconciliationTimer>(scope.ServiceProvider);

        // The strict mock client fails on any call: embedded mode must not touch a task hub.
        var report = await timer.RunAsync(new TimerInfo(), FunctionsApp.UnusedDurableClient, FunctionContexts.For(RunReconciliationTimer.Name, scope.ServiceProvider));

        Assert.Same(SakipServerless.Api.Runs.Reconciliation.ReconciliationReport.Nothing, report);
    }

    private static async Task<int> TickAsync(FunctionsApp app, DurableTaskClient? client = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var timer = new DeadlineSweepTimer(app.BoundClient, scope.ServiceProvider.GetRequiredService<NotificationDispatcher>(), NullLogger<DeadlineSweepTimer>.Instance);
        var info = new TimerInfo { IsPastDue = false };
        return await timer.RunAsync(info, client ?? FunctionsApp.UnusedDurableClient, FunctionContexts.For(DeadlineSweepTimer.Name, scope.ServiceProvider));
    }
}
