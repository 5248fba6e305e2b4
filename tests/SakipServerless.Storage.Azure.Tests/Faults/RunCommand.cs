using SakipServerless.Core.Runs;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>One write command of <see cref="RunScript"/>: a name for messages and what it does to the run.</summary>
public sealed record RunCommand(string Name, Action<SopRun, RunContext> Apply)
{
    public override string ToString() => Name;
}
