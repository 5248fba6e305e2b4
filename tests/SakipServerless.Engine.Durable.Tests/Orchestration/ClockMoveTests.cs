using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Tests.Scenarios;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Orchestration;

/// <summary>
/// The development clock on the durable engine: when the application clock jumps ahead, a running orchestration's
/// time follows at once and what is due by then escalates; the run's time never goes back, and the moved clock is
/// carried across continue-as-new. Runs here keep host time (scale 1), so no timer fires by itself during the test.
/// </summary>
public sealed class ClockMoveTests(DurableHost host) : IClassFixture<DurableHost>
{
    private static readonly DateTimeOffset Start = new(2026, 4, 6, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly SopTemplate _template = ShortTemplates.Shortened("jeneponto-kesbangpol-pengumpulan-data-kinerja");

    [Fact]
    public async Task AMovedClock_EscalatesWhatIsDueByThen_AtOnce_AndTheRunsTimeNeverGoesBack()
    {
        var run = new DurableScenarioEngine(host, inputsPerGeneration: 2, scale: 1);
        await run.StartAsync(_template, new Period(2026, 1), SeedScenario.Units, SeedScenario.Head, Start);
        var due = (await run.ReadAsync()).ActiveStep!.DueAt!.Value;
        var movedTo = due + ShortTemplates.GraceElapsed + TimeSpan.FromMinutes(1);

        Assert.Equal(1, await host.Runs.MoveClockAsync(movedTo, Wait));

        var escalated = await run.ReadAsync(); // the outcome was awaited, so the projection is written
        Assert.Equal(2, escalated.ActiveStep!.EscalationLevel);
        Assert.Single(escalated.History, e => e.Type == RunEventType.StepLate);
        Assert.Single(escalated.History, e => e.Type == RunEventType.StepEscalated);
        Assert.Equal(0, await host.Runs.MoveClockAsync(movedTo, Wait)); // nothing more is due then

        // A move back in time changes nothing, and later commands (past a continue-as-new) keep the moved time.
        Assert.Equal(0, await host.Runs.MoveClockAsync(Start, Wait));
        var def = _template.Steps[0];
        string role = def.Actors[0];
        var completed = await run.SendAsync(Actor.Create($"u-{role}", role, role), new CompleteStepCommand(def.Id, def.Output ?? "selesai", def.Kelengkapan, [], CheckEvidence: false));
        Assert.True(completed.Applied);
        await run.SendAsync(SeedScenario.Head, new SuspendRunCommand("Menunggu rapat pimpinan"));
        var resumed = await run.SendAsync(SeedScenario.Head, new ResumeRunCommand());
        Assert.True(resumed.Applied);

        var stored = await run.ReadAsync();
        Assert.True(stored.Steps.Single(s => s.StepId == def.Id).CompletedAt >= movedTo, "the completion went back in time");
        var later = stored.History.Skip(escalated.History.Count).ToList();
        Assert.Contains(later, e => e.Type == RunEventType.RunResumed);
        Assert.All(later, e => Assert.True(e.At >= movedTo, $"{e.Type} at {e.At:O} is before the moved clock"));
    }

    [Fact]
    public async Task AFinishedRun_IsLeftAlone()
    {
        var run = new DurableScenarioEngine(host, scale: 1);
        await run.StartAsync(_template, new Period(2026, 2), SeedScenario.Units, SeedScenario.Head, Start);
        Assert.True((await run.SendAsync(SeedScenario.Head, new TerminateRunCommand("Salah periode"))).Applied);
        await run.ReadUntilAsync(r => r.Status == RunStatus.Terminated);
        int version = (await run.ReadAsync()).Version;

        await host.Runs.MoveClockAsync(Start.AddDays(30), Wait);

        Assert.Equal(version, (await run.ReadAsync()).Version);
    }
}
