using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Local.Tests.Support;

/// <summary>
/// One run of the shortened seed template on the durable engine: run time goes <see cref="Scale"/> times faster than
/// real time by default (the first step's 5-minute deadline falls 2.5 s after the start, its grace 0.5 s later), commands go
/// through <see cref="DurableRunClient"/>, and the run is read from the projection in the store.
/// </summary>
public sealed class RunDriver(DurableRunClient runs, IRunStore store, double scale = RunDriver.Scale)
{
    public const double Scale = 120;

    public const string TemplateId = "jeneponto-kesbangpol-pengumpulan-data-kinerja";

    /// <summary>How long a command may wait for its outcome: long enough to cover a worker restart.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    public static readonly Actor Head = Actor.Create("kepala", "Kepala OPD", WellKnownRoles.HeadOfOpd);

    public static readonly SopTemplate Template = ShortTemplates.Shortened(TemplateId);

    private static readonly IReadOnlyList<OrgUnit> Units = [new("unit-1", "Bidang Ideologi"), new("unit-2", "Bidang Ketahanan")];

    public string RunId { get; } = "run-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A tenant per run: the natural key (tenant, OPD, SOP, period) never collides between runs.</summary>
    public string TenantId => "pemda-" + RunId;

    public async Task StartAsync()
    {
        var start = new StartRunRequest(NewId(), RunId, TenantId, "opd", new Period(2026, 1), Units, ActorData.From(Head));
        var outcome = await runs.StartAsync(Template, new CalendarSpec(Template.Agency.TimeZone!, []), new EscalationPolicy(ShortTemplates.Grace), start,
            Wait, new RunClockOptions(scale, new DateTimeOffset(2026, 4, 2, 15, 50, 0, TimeSpan.FromHours(8))));
        Assert.True(outcome is { Applied: true }, $"the run did not start: {outcome?.Message}");
    }

    public Task<CommandOutcome> SendAsync(Actor actor, RunCommand command) => SendAsync(Envelope(actor, command));

    public async Task<CommandOutcome> SendAsync(RunCommandEnvelope envelope) =>
        await runs.SendAsync(RunId, envelope, Wait) ?? throw new TimeoutException($"No outcome for {envelope.Command} within {Wait}.");

    public static RunCommandEnvelope Envelope(Actor actor, RunCommand command) => new(NewId(), ActorData.From(actor), command);

    public static RestartStepCommand RestartFirstStep(string reason) => new(Template.Steps[0].Id, reason);

    public static Actor FirstStepActor()
    {
        string role = Template.Steps[0].Actors[0];
        return Actor.Create($"u-{role}", role, role);
    }

    public static CompleteStepCommand CompleteFirstStep()
    {
        var def = Template.Steps[0];
        return new CompleteStepCommand(def.Id, def.Output ?? "selesai", def.Kelengkapan, [], CheckEvidence: false);
    }

    public async Task<SopRun> ReadAsync() => await store.FindAsync(TenantId, RunId) ?? throw new InvalidOperationException($"{RunId} has no projection.");

    /// <summary>Reads the projection until <paramref name="condition"/> holds (a timer's work shows only there).</summary>
    public async Task<SopRun> ReadUntilAsync(Func<SopRun, bool> condition, TimeSpan? within = null)
    {
        var give = DateTime.UtcNow + (within ?? Wait);
        while (true)
        {
            var run = await ReadAsync();
            if (condition(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < give, $"the projection of {RunId} did not reach the expected state in time (version {run.Version})");
            await Task.Delay(100);
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
