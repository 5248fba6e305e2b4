using SakipServerless.Core.Runs;

namespace SakipServerless.Engine.Durable.Local.Tests.Support;

internal static class HistoryAssert
{
    /// <summary>
    /// No transition is in the history twice: the same who-did-what to which step or unit (times left out, since a
    /// transition repeated by a replayed episode would carry another time), and sequence numbers strictly increase.
    /// </summary>
    public static void NoDuplicateTransitions(SopRun run)
    {
        var repeated = run.History
            .GroupBy(e => (e.Type, e.ActorId, e.StepId, e.UnitId, e.Reason, e.DueAt, e.EscalationLevel))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Type} {g.Key.StepId} {g.Key.Reason} ×{g.Count()}")
            .ToList();
        Assert.True(repeated.Count == 0, $"{run.Id}: repeated transitions: {string.Join("; ", repeated)}");
        Assert.True(run.History.Zip(run.History.Skip(1)).All(p => p.First.Seq < p.Second.Seq), $"{run.Id}: history sequence numbers do not increase");
    }
}
