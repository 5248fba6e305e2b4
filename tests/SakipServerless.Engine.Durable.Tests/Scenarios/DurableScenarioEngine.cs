using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>
/// The durable engine on the test host: run time goes <see cref="Scale"/> times faster than real time, deadlines are
/// the orchestration's timers, and the run is read from the projection in the store.
/// </summary>
public sealed class DurableScenarioEngine(DurableHost host, int inputsPerGeneration = SopRunOrchestrator.EventsPerGeneration, double scale = DurableScenarioEngine.Scale)
    : IScenarioEngine
{
    /// <summary>One real second is two minutes of run time: a 60-minute step lasts 30 s, the first step's deadline and grace 3 s.</summary>
    public const double Scale = 120;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string _runId = "run-" + Guid.NewGuid().ToString("N")[..12];
    private string _tenantId = "";

    public string RunId => _runId;

    public async Task StartAsync(SopTemplate template, Period period, IReadOnlyList<OrgUnit> units, Actor head, DateTimeOffset at)
    {
        _tenantId = "pemda-" + _runId; // a tenant per run: the natural key (tenant, OPD, SOP, period) never collides between tests
        var start = new StartRunRequest(NewId(), _runId, _tenantId, "opd", period, units, ActorData.From(head));
        var outcome = await host.Runs.StartAsync(template, new CalendarSpec(template.Agency.TimeZone!, []), new EscalationPolicy(ShortTemplates.Grace), start,
            Wait, new RunClockOptions(scale, at), inputsPerGeneration);
        Assert.True(outcome is { Applied: true }, $"the run did not start: {outcome?.Message}");
    }

    public async Task<SopRun> ReadAsync() => await host.Store.FindAsync(_tenantId, _runId) ?? throw new InvalidOperationException("The run has no projection.");

    public Task<CommandOutcome> SendAsync(Actor actor, RunCommand command) =>
        SendAsync(new RunCommandEnvelope(NewId(), ActorData.From(actor), command));

    public async Task<CommandOutcome> SendAsync(RunCommandEnvelope envelope) =>
        await host.Runs.SendAsync(_runId, envelope, Wait) ?? throw new TimeoutException($"No outcome for {envelope.Command} within {Wait}.");

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

            Assert.True(DateTime.UtcNow < give, "the projection did not reach the expected state in time");
            await Task.Delay(50);
        }
    }

    public async Task LetDeadlinesPassAsync(DateTimeOffset until)
    {
        var give = DateTime.UtcNow + Wait;
        while ((await ReadAsync()).NextDeadline is { } due && due <= until)
        {
            Assert.True(DateTime.UtcNow < give, $"the deadline at {due:O} was not escalated within {Wait}");
            await Task.Delay(50);
        }
    }

    public Task PauseAsync() => Task.CompletedTask; // real time passes between commands by itself

    private static string NewId() => Guid.NewGuid().ToString("N");
}
