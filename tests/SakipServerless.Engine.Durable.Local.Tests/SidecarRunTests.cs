using Microsoft.DurableTask.Client;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Engine.Durable.Local.Tests.Support;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Local.Tests;

/// <summary>The real run orchestration through the sidecar on Azurite, writing its projection to SQLite.</summary>
public sealed class SidecarRunTests(LocalEngineHost host) : IClassFixture<LocalEngineHost>
{
    [Fact]
    public async Task ARun_TakesCommands_EscalatesAtItsDeadline_AndItsProjectionFollowsTheOrchestration()
    {
        var run = await StartAsync();
        Assert.True((await run.SendAsync(RunDriver.Head, RunDriver.RestartFirstStep("Disposisi diperbarui"))).Applied);
        var restarted = await run.ReadAsync();
        var due = restarted.ActiveStep!.DueAt!.Value;

        // Nobody acts: the deadline timer escalates to level 1, and level 2 after the grace.
        var escalated = await run.ReadUntilAsync(r => r.ActiveStep!.EscalationLevel == 2, TimeSpan.FromSeconds(30));
        var late = Assert.Single(escalated.History, e => e.Type == RunEventType.StepLate);
        var level2 = Assert.Single(escalated.History, e => e.Type == RunEventType.StepEscalated);
        Assert.True(late.At >= due, $"level 1 at {late.At:O}, before the deadline {due:O}");
        Assert.True(level2.At >= due + ShortTemplates.GraceElapsed, $"level 2 at {level2.At:O}, before the grace ended");

        var completed = await run.SendAsync(RunDriver.FirstStepActor(), RunDriver.CompleteFirstStep());
        var refused = await run.SendAsync(RunDriver.FirstStepActor(), RunDriver.CompleteFirstStep());

        Assert.True(completed.Applied);
        Assert.False(refused.Applied);
        var stored = await run.ReadAsync();
        Assert.Equal(completed.Version, stored.Version);
        Assert.Equal(stored.Version, (await host.Engine.Runs.ReportAsync(run.RunId))!.Version);
        Assert.NotEqual(RunDriver.Template.Steps[0].Id, stored.ActiveStep!.StepId);
        HistoryAssert.NoDuplicateTransitions(stored);
    }

    [Fact]
    public async Task Suspend_HoldsTheDeadline_Resume_ReleasesIt_Terminate_EndsTheOrchestration_AndPurge_RemovesIt()
    {
        var run = await StartAsync();
        Assert.True((await run.SendAsync(RunDriver.Head, new SuspendRunCommand("Menunggu rapat pimpinan"))).Applied);

        // Past the first deadline and its grace in run time (5 + 1 minutes at two minutes a second).
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(0, (await run.ReadAsync()).ActiveStep!.EscalationLevel);

        Assert.True((await run.SendAsync(RunDriver.Head, new ResumeRunCommand())).Applied);
        await run.ReadUntilAsync(r => r.ActiveStep!.EscalationLevel >= 1, TimeSpan.FromSeconds(30));

        var terminated = await run.SendAsync(RunDriver.Head, new TerminateRunCommand("Salah periode"));
        Assert.True(terminated.Applied);
        var instance = await host.Engine.Client.WaitForInstanceCompletionAsync(run.RunId, getInputsAndOutputs: true,
            new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);

        // After the end, the final state answers: the run is not running any more.
        var after = await run.SendAsync(RunDriver.FirstStepActor(), RunDriver.CompleteFirstStep());
        Assert.False(after.Applied);
        Assert.Equal("run-not-running", after.Code);
        var stored = await run.ReadAsync();
        Assert.Equal(RunStatus.Terminated, stored.Status);
        Assert.Equal(terminated.Version, stored.Version);
        HistoryAssert.NoDuplicateTransitions(stored);

        var purged = await host.Engine.Client.PurgeInstanceAsync(run.RunId);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Engine.Client.GetInstanceAsync(run.RunId));
        // The projection is the application's record, not the task hub's: purging the orchestration leaves it.
        Assert.Equal(terminated.Version, (await run.ReadAsync()).Version);
    }

    [Fact]
    public async Task ARunTerminatedFromTheTaskHub_RefusesCommandsWithAConflict()
    {
        var run = await StartAsync();
        await host.Engine.Client.TerminateInstanceAsync(run.RunId, "dihentikan dari portal");
        await host.Engine.Client.WaitForInstanceCompletionAsync(run.RunId, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        var refused = await run.SendAsync(RunDriver.FirstStepActor(), RunDriver.CompleteFirstStep());

        Assert.False(refused.Applied);
        Assert.Equal("run-orchestration-ended", refused.Code);
        Assert.Equal(1, (await run.ReadAsync()).Version);
    }

    private async Task<RunDriver> StartAsync()
    {
        var run = new RunDriver(host.Engine.Runs, host.Store);
        await run.StartAsync();
        return run;
    }
}
