using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Orchestration;
using SakipServerless.Engine.Durable.Tests.Orchestration;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>
/// The orchestration's interpreter without a durable host, under a hand-moved clock, with every timer firing exactly at
/// its deadline; it records the trace of inputs and decisions that a replay test plays back.
/// </summary>
public sealed class InterpreterScenarioEngine : IScenarioEngine
{
    private readonly List<TraceInput> _inputs = [];
    private readonly List<TraceDecision> _decisions = [];
    private RunInterpreter _interpreter = null!;
    private RunOrchestrationState _input = null!;
    private DateTimeOffset _now;
    private int _commands;

    public RunTrace Trace => new(_input, [.. _inputs], [.. _decisions]);

    public Task StartAsync(SopTemplate template, Period period, IReadOnlyList<OrgUnit> units, Actor head, DateTimeOffset at)
    {
        _input = new RunOrchestrationState(SopRunOrchestrator.CurrentInterpreterVersion, SopTemplateJson.Serialize(template),
            new CalendarSpec(template.Agency.TimeZone!, []), ShortTemplates.Grace,
            new StartRunRequest("start", "run-trace", "pemda", "opd", period, units, ActorData.From(head)));
        _interpreter = new RunInterpreter(_input);
        _now = at;
        Feed(new TraceInput(TraceInputKind.Start, at));
        return Task.CompletedTask;
    }

    public Task<SopRun> ReadAsync() => Task.FromResult(_interpreter.Run!.Copy());

    public Task<CommandOutcome> SendAsync(Actor actor, RunCommand command) =>
        Task.FromResult(Feed(new TraceInput(TraceInputKind.Command, _now, new RunCommandEnvelope($"cmd-{++_commands}", ActorData.From(actor), command))).Outcome!);

    public Task LetDeadlinesPassAsync(DateTimeOffset until)
    {
        while (_interpreter.NextDeadline is { } due && due <= until)
        {
            _now = due;
            Feed(new TraceInput(TraceInputKind.Deadline, due));
        }

        _now = until;
        return Task.CompletedTask;
    }

    public Task PauseAsync() => LetDeadlinesPassAsync(_now + TimeSpan.FromMinutes(1));

    private TraceDecision Feed(TraceInput input)
    {
        var decision = RunTrace.Decide(_interpreter, input);
        _inputs.Add(input);
        _decisions.Add(decision);
        return decision;
    }
}
