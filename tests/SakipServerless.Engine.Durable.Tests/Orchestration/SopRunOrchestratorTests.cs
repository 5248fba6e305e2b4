using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Tests.Scenarios;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Orchestration;

/// <summary>The orchestration's own guarantees, on the test host: duplicates, timers, refusals, suspension and the end of a run.</summary>
public sealed class SopRunOrchestratorTests(DurableHost host) : IClassFixture<DurableHost>
{
    private const string TemplateId = "jeneponto-kesbangpol-pengumpulan-data-kinerja";
    private static readonly DateTimeOffset Start = new(2026, 4, 2, 15, 50, 0, TimeSpan.FromHours(8));
    private readonly SopTemplate _template = ShortTemplates.Shortened(TemplateId);

    [Fact]
    public async Task RepeatedCommandId_IsDropped_AndTheFirstOutcomeStands()
    {
        var run = await StartAsync();
        // Restarting the active step is legal again and again, so only the id can make the repeat a no-op.
        var envelope = new RunCommandEnvelope("cmd-1", ActorData.From(SeedScenario.Head), new RestartStepCommand(_template.Steps[0].Id, "Disposisi diperbarui"));

        var first = await run.SendAsync(envelope);
        var again = await run.SendAsync(envelope);
        // A later command is applied after the repeated event, so the repeat has been seen by then.
        var later = await run.SendAsync(SeedScenario.Head, new SuspendRunCommand("Menunggu rapat pimpinan"));

        Assert.True(first.Applied);
        Assert.Equal(first, again);
        Assert.True(later.Applied);
        Assert.Equal(first.Version + 1, later.Version);
        var stored = await run.ReadAsync();
        Assert.Equal(later.Version, stored.Version);
        Assert.Single(stored.History, e => e.Type == RunEventType.StepRestarted);
        Assert.Single((await host.Runs.ReportAsync(run.RunId))!.Outcomes, o => o.CommandId == "cmd-1");
    }

    [Fact]
    public async Task ContinuedAsNew_TheRunAndItsSeenCommandIdsCarryOver()
    {
        var run = await StartAsync(inputsPerGeneration: 2);
        var restarts = Enumerable.Range(1, 5)
            .Select(i => new RunCommandEnvelope($"restart-{i}", ActorData.From(SeedScenario.Head), new RestartStepCommand(_template.Steps[0].Id, $"Ulang {i}")))
            .ToList();

        foreach (var envelope in restarts)
        {
            Assert.True((await run.SendAsync(envelope)).Applied);
        }

        // restart-1 was handled two generations ago; it is still recognised and dropped.
        await run.SendAsync(restarts[0]);
        var later = await run.SendAsync(SeedScenario.Head, new SuspendRunCommand("Menunggu rapat pimpinan"));

        var stored = await run.ReadAsync();
        // Each restart sets a fresh 5-minute deadline (2.5 s), so no timer fires unless an outcome is reported late.
        Assert.Equal(1 + 5 + 1, stored.Version);
        Assert.Equal(later.Version, stored.Version);
        Assert.Equal(5, stored.History.Count(e => e.Type == RunEventType.StepRestarted));
    }

    [Fact]
    public async Task DeadlineTimer_EscalatesAtTheDeadline_ThenAfterTheGrace_AndHandsTheNoticesToTheOutbox()
    {
        var run = await StartAsync();
        var due = (await run.ReadAsync()).ActiveStep!.DueAt!.Value;

        var escalated = await run.ReadUntilAsync(r => r.ActiveStep!.EscalationLevel == 2);

        var late = Assert.Single(escalated.History, e => e.Type == RunEventType.StepLate);
        var level2 = Assert.Single(escalated.History, e => e.Type == RunEventType.StepEscalated);
        Assert.True(late.At >= due, $"level 1 at {late.At:O}, before the deadline {due:O}");
        Assert.True(level2.At >= due + ShortTemplates.GraceElapsed, $"level 2 at {level2.At:O}, before the grace ended");
        Assert.Null(escalated.NextDeadline);

        var pending = await host.Notifications.ClaimPendingAsync("test", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), 100);
        Assert.Contains(pending, c => c.Message.Notification.RunId == run.RunId && c.Message.Notification.EscalationLevel == 2
            && c.Message.Notification.RecipientRoles.Contains(WellKnownRoles.HeadOfOpd));
    }

    [Fact]
    public async Task RefusedCommand_GetsTheDomainsOwnAnswer_AsOnTheEmbeddedEngine_AndChangesNothing()
    {
        var run = await StartAsync();
        var embedded = new EmbeddedScenarioEngine();
        await embedded.StartAsync(_template, new Period(2026, 1), SeedScenario.Units, SeedScenario.Head, Start);
        var staff = Actor.ForUnit("u-unit-1", "Staf", "unit-1");

        var refused = await run.SendAsync(staff, CompleteFirstStep());
        var expected = await embedded.SendAsync(staff, CompleteFirstStep());

        Assert.False(refused.Applied);
        Assert.Equal(DomainErrorKind.Forbidden, refused.ErrorKind);
        Assert.Equal((expected.ErrorKind, expected.Code, expected.Message), (refused.ErrorKind, refused.Code, refused.Message));
        Assert.Contains("tidak memiliki peran", refused.Message);
        Assert.Equal(1, (await run.ReadAsync()).Version);
    }

    [Fact]
    public async Task SuspendedRun_IsNotEscalated_ResumedRunIs_AndATerminatedRunRefusesFurtherCommands()
    {
        var run = await StartAsync();
        Assert.True((await run.SendAsync(SeedScenario.Head, new SuspendRunCommand("Menunggu rapat pimpinan"))).Applied);

        // Past the first deadline and its grace in run time (5 + 1 minutes at two minutes a second).
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(0, (await run.ReadAsync()).ActiveStep!.EscalationLevel);

        Assert.True((await run.SendAsync(SeedScenario.Head, new ResumeRunCommand())).Applied);
        await run.ReadUntilAsync(r => r.ActiveStep!.EscalationLevel == 1);

        Assert.True((await run.SendAsync(SeedScenario.Head, new TerminateRunCommand("Salah periode"))).Applied);
        var after = await run.SendAsync(FirstStepActor(), CompleteFirstStep());

        Assert.False(after.Applied);
        Assert.Equal("run-not-running", after.Code);
        Assert.Equal(RunStatus.Terminated, (await run.ReadAsync()).Status);
    }

    [Fact]
    public async Task ARunTerminatedBehindTheEngine_RefusesCommandsWithAConflict_NotAFault()
    {
        var run = await StartAsync();
        await host.Client.TerminateInstanceAsync(run.RunId, "dihentikan dari portal");
        await host.Client.WaitForInstanceCompletionAsync(run.RunId);

        var refused = await run.SendAsync(FirstStepActor(), CompleteFirstStep());

        Assert.False(refused.Applied);
        Assert.Equal((DomainErrorKind.Conflict, "run-orchestration-ended"), (refused.ErrorKind, refused.Code));
        Assert.Contains("dihentikan paksa", refused.Message);
        Assert.Equal(1, (await run.ReadAsync()).Version);
    }

    [Fact]
    public async Task AWriteACrashedHostNeverCommitted_IsReplacedByTheRunsOwnState_AndTheRunGoesOn()
    {
        var run = await StartAsync();
        // What a host killed between an episode's activity dispatch and its history write leaves: that episode's
        // write landed, and the recovery episode, which never saw it, takes another command at the same version.
        var committed = await run.ReadAsync();
        var lost = committed.Copy();
        new SuspendRunCommand("Episode yang hilang").ApplyTo(lost, SeedScenario.Head,
            new RunContext(_template, WorkCalendar.ForZone("Asia/Makassar"), new EscalationPolicy(ShortTemplates.Grace), Start));
        await host.Store.SaveAsync(lost, committed.Version);

        var restarted = await run.SendAsync(SeedScenario.Head, new RestartStepCommand(_template.Steps[0].Id, "Disposisi diperbarui"));
        var suspended = await run.SendAsync(SeedScenario.Head, new SuspendRunCommand("Menunggu rapat pimpinan"));

        Assert.True(restarted.Applied);
        Assert.Equal(lost.Version + 1, restarted.Version); // past the lost write's version, which named another state
        Assert.True(suspended.Applied);
        Assert.Equal(restarted.Version + 1, suspended.Version);
        var stored = await run.ReadAsync();
        Assert.Equal((RunStatus.Suspended, suspended.Version), (stored.Status, stored.Version));
        Assert.DoesNotContain(stored.History, e => e.Reason == "Episode yang hilang");
        Assert.Equal([RunEventType.RunStarted, RunEventType.StepRestarted, RunEventType.RunSuspended],
            stored.History.Select(e => e.Type).Where(t => t is RunEventType.RunStarted or RunEventType.StepRestarted or RunEventType.RunSuspended));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(run.RunId))!.RuntimeStatus);
    }

    private async Task<DurableScenarioEngine> StartAsync(int inputsPerGeneration = SopRunOrchestrator.EventsPerGeneration)
    {
        var run = new DurableScenarioEngine(host, inputsPerGeneration);
        await run.StartAsync(_template, new Period(2026, 1), SeedScenario.Units, SeedScenario.Head, Start);
        return run;
    }

    private Actor FirstStepActor()
    {
        string role = _template.Steps[0].Actors[0];
        return Actor.Create($"u-{role}", role, role);
    }

    private CompleteStepCommand CompleteFirstStep()
    {
        var def = _template.Steps[0];
        return new CompleteStepCommand(def.Id, def.Output ?? "selesai", def.Kelengkapan, [], CheckEvidence: false);
    }
}
