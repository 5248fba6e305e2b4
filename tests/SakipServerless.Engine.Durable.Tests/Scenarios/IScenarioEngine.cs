using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>One engine as a scenario sees it: start a run, send commands as people would, let deadlines pass, read the run.</summary>
public interface IScenarioEngine
{
    Task StartAsync(SopTemplate template, Period period, IReadOnlyList<OrgUnit> units, Actor head, DateTimeOffset at);

    /// <summary>The run as the API would read it.</summary>
    Task<SopRun> ReadAsync();

    Task<CommandOutcome> SendAsync(Actor actor, RunCommand command);

    /// <summary>Nobody acts until every deadline up to <paramref name="until"/> has been escalated.</summary>
    Task LetDeadlinesPassAsync(DateTimeOffset until);

    /// <summary>A moment passes between two actions (a minute of run time, far less than any step's duration).</summary>
    Task PauseAsync();
}
