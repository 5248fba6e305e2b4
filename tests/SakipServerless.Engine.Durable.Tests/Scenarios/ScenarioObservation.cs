using SakipServerless.Core.Capaian;
using SakipServerless.Core.Runs;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>
/// What a person can see of a finished scenario, without the times (run time on the test host is real time scaled):
/// each step's and unit task's state and escalation level, the kinds of the history in order, and the capaian of what
/// was accepted (against a target of 100).
/// </summary>
public sealed record ScenarioObservation(RunStatus Status, IReadOnlyList<string> Steps, IReadOnlyList<string> Units,
    IReadOnlyList<RunEventType> HistoryKinds, IReadOnlyList<string> Capaian, int NotificationsLevel2)
{
    private static readonly CapaianCalculator Calculator = new(CapaianSettings.Default);

    public static ScenarioObservation Of(SopRun run) => new(
        run.Status,
        [.. run.Steps.Select(s => $"{s.StepId}: {s.Status}, level {s.EscalationLevel}, returned {s.ReturnCount}x")],
        [.. run.Steps.SelectMany(s => s.UnitTasks.Select(u => $"{s.StepId}/{u.UnitId}: {u.Status}, level {u.EscalationLevel}, late {u.SubmittedLate}, returned {u.ReturnCount}x"))],
        [.. run.History.Select(e => e.Type)],
        [.. run.Steps.SelectMany(s => s.UnitTasks.Where(u => u.Status == UnitTaskStatus.Accepted)
            .SelectMany(u => u.Submission!.Realisasi.Select(r => $"{s.StepId}/{u.UnitId}/{r.IndicatorId}: {Calculator.Compute(Polarity.Positive, 100m, r.Value).CappedValue}")))],
        run.History.Count(e => e.EscalationLevel == 2));

    public override string ToString() => string.Join(Environment.NewLine, [Status.ToString(), .. Steps, .. Units, string.Join(", ", HistoryKinds), .. Capaian]);
}
