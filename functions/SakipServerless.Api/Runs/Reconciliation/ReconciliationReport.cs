namespace SakipServerless.Api.Runs.Reconciliation;

/// <summary>One reconciliation pass: how many orchestrations were compared and what differed.</summary>
public sealed record ReconciliationReport(int Compared, IReadOnlyList<ReconciliationFinding> Findings)
{
    public static ReconciliationReport Nothing { get; } = new(0, []);
}
