using SakipServerless.Core.Runs;

namespace SakipServerless.Bench.Transitions;

/// <summary>
/// One transition of <see cref="BenchScript"/>: the role (or unit) of the user who sends it, its URL given the run id,
/// its JSON body given the OPD and year, and the same command applied to the aggregate in-process.
/// </summary>
public sealed record BenchCommand(string Kind, string Role, Func<string, string> Url, Func<string, int, object> Body, Action<SopRun, Actor, RunContext> Apply)
{
    /// <summary>The seeded user who sends this command for <paramref name="opd"/>.</summary>
    public string UserOf(string opd) => $"{opd}-{Role}";

    /// <summary>The same user as the aggregate sees it (unit staff carry their unit).</summary>
    public Actor ActorOf(string opd) =>
        Role.StartsWith("bidang-", StringComparison.Ordinal) ? Actor.ForUnit(UserOf(opd), Role, Role) : Actor.Create(UserOf(opd), Role, Role);
}
