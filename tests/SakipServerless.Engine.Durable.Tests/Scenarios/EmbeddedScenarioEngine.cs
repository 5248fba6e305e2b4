using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>
/// The embedded engine's decisions: the aggregate under a hand-moved clock, swept at each deadline as the
/// once-a-minute sweep is on time. What the embedded engine adds (store, version guard) does not change a decision.
/// </summary>
public sealed class EmbeddedScenarioEngine : IScenarioEngine
{
    private SopTemplate _template = null!;
    private WorkCalendar _calendar = null!;
    private SopRun _run = null!;
    private DateTimeOffset _now;
    private int _commands;

    public Task StartAsync(SopTemplate template, Period period, IReadOnlyList<OrgUnit> units, Actor head, DateTimeOffset at)
    {
        _template = template;
        _calendar = WorkCalendar.ForZone(template.Agency.TimeZone!);
        _now = at;
        _run = SopRun.Start("run-embedded", "pemda", "opd", period, units, head, Context());
        return Task.CompletedTask;
    }

    public Task<SopRun> ReadAsync() => Task.FromResult(_run.Copy());

    public Task<CommandOutcome> SendAsync(Actor actor, RunCommand command)
    {
        string id = $"c{++_commands}";
        try
        {
            command.ApplyTo(_run, actor, Context());
            return Task.FromResult(new CommandOutcome(id, true, _run.Version));
        }
        catch (DomainException e)
        {
            return Task.FromResult(CommandOutcome.Refused(id, _run.Version, e));
        }
    }

    public Task LetDeadlinesPassAsync(DateTimeOffset until)
    {
        while (_run.NextDeadline is { } due && due <= until)
        {
            _now = due;
            _run.ProcessDeadlines(Context());
        }

        _now = until;
        return Task.CompletedTask;
    }

    public Task PauseAsync()
    {
        _now += TimeSpan.FromMinutes(1);
        _run.ProcessDeadlines(Context());
        return Task.CompletedTask;
    }

    private RunContext Context() => new(_template, _calendar, new EscalationPolicy(ShortTemplates.Grace), _now);
}
