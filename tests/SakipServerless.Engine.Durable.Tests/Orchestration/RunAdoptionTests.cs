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

/// <summary>
/// A run the store holds without an orchestration (the demo seeder's, the embedded engine's before the switch to
/// durable mode) is adopted: its orchestration continues from the stored state, under the store's own run id.
/// </summary>
public sealed class RunAdoptionTests(DurableHost host) : IClassFixture<DurableHost>
{
    private static readonly DateTimeOffset Start = new(2026, 4, 6, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly SopTemplate _template = ShortTemplates.Shortened("jeneponto-kesbangpol-pengumpulan-data-kinerja");

    [Fact]
    public async Task AStoredRun_IsAdoptedOnce_ListedUnderItsOwnId_FollowsTheClock_AndTakesCommands_ContinuingItsVersionsAndHistory()
    {
        var calendar = new CalendarSpec(_template.Agency.TimeZone!, []);
        var policy = new EscalationPolicy(ShortTemplates.Grace);
        var stored = SopRun.Start("demo-" + Guid.NewGuid().ToString("N")[..8], "pemda-adopsi", "opd", new Period(2026, 1), SeedScenario.Units, SeedScenario.Head,
            new RunContext(_template, calendar.Build(), policy, Start));
        stored.DrainOutbox(); // the embedded engine handed these to the dispatcher when it stored the run
        await host.Store.CreateAsync(stored);

        Assert.True(await host.Runs.AdoptAsync(_template, calendar, policy, stored, new RunClockOptions(1, Start)));
        Assert.False(await host.Runs.AdoptAsync(_template, calendar, policy, stored, new RunClockOptions(1, Start))); // the task hub knows it now

        var listed = new List<string>();
        await foreach (var run in host.Runs.ListRunsAsync())
        {
            listed.Add(run.RunId);
        }

        Assert.Contains(stored.Id, listed);

        // Past the first deadline and its grace: the adopted run escalates, as it would have in the store's engine.
        var due = stored.ActiveStep!.DueAt!.Value;
        Assert.True(await host.Runs.MoveClockAsync(due + ShortTemplates.GraceElapsed + TimeSpan.FromMinutes(1), Wait) >= 1);
        var escalated = await host.Store.FindAsync(stored.TenantId, stored.Id);
        Assert.Equal(2, escalated!.ActiveStep!.EscalationLevel);

        var def = _template.Steps[0];
        string role = def.Actors[0];
        var completed = await host.Runs.SendAsync(stored.Id, new RunCommandEnvelope(Guid.NewGuid().ToString("N"), ActorData.From(Actor.Create($"u-{role}", role, role)),
            new CompleteStepCommand(def.Id, def.Output ?? "selesai", def.Kelengkapan, [], CheckEvidence: false)), Wait);
        Assert.True(completed is { Applied: true }, completed?.Message);

        var after = await host.Store.FindAsync(stored.TenantId, stored.Id);
        Assert.Equal(completed!.Version, after!.Version);
        // Continued, not rewritten: the stored history is the start of the new one.
        Assert.Equal(stored.History.Select(RunJson.SerializeEvent), after.History.Take(stored.History.Count).Select(RunJson.SerializeEvent));

        await host.Runs.SendAsync(stored.Id, new RunCommandEnvelope(Guid.NewGuid().ToString("N"), ActorData.From(SeedScenario.Head), new TerminateRunCommand("Selesai diuji")), Wait);
    }
}
