using Microsoft.DurableTask.Client;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;

namespace SakipServerless.Api.Runs.Reconciliation;

/// <summary>
/// The durable engine's nightly audit: every run orchestration against its projection in the store, which is what
/// the API, the dashboard and the pencatatan read. Each difference is logged as a warning and returned.
/// </summary>
/// <remarks>
/// It reports and repairs nothing. The orchestration writes the projection through activities that the extension
/// retries, so a difference means something outside that path: a write lost or made by hand, or an orchestration
/// terminated from the portal rather than through the API. Which side is right is an operator's call (the run's
/// history says what happened), and an automatic rewrite would hide the cause. Runs reported in the middle of a
/// command may differ by the one version being written; a finding that persists to the next night is real.
/// </remarks>
public sealed partial class RunReconciliation(DurableRunClient durable, IRunStore runs, ILogger<RunReconciliation> log)
{
    public async Task<ReconciliationReport> RunAsync(CancellationToken ct = default)
    {
        int compared = 0;
        var findings = new List<ReconciliationFinding>();
        await foreach (var orchestration in durable.ListRunsAsync(ct))
        {
            compared++;
            var run = await runs.FindAsync(orchestration.TenantId, orchestration.RunId, ct);
            foreach (var finding in Compare(orchestration, run))
            {
                LogFinding(log, finding.TenantId, finding.RunId, finding.Issue, finding.Detail);
                findings.Add(finding);
            }
        }

        LogPass(log, compared, findings.Count);
        return new ReconciliationReport(compared, findings);
    }

    private static IEnumerable<ReconciliationFinding> Compare(RunOrchestrationSummary orchestration, SopRun? run)
    {
        ReconciliationFinding Finding(ReconciliationIssue issue, string detail) => new(orchestration.TenantId, orchestration.RunId, issue, detail);

        if (run is null)
        {
            if (orchestration.Report is { Version: > 0 } report)
            {
                yield return Finding(ReconciliationIssue.MissingProjection, $"orchestration reports version {report.Version}, the store has no run");
            }

            yield break;
        }

        bool open = run.Status is RunStatus.Running or RunStatus.Suspended;
        if (orchestration.RuntimeStatus is OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed && open)
        {
            yield return Finding(ReconciliationIssue.OrchestrationEndedRunOpen, $"orchestration {orchestration.RuntimeStatus}, run {run.Status}");
        }

        if (orchestration.Report is { } reported)
        {
            if (reported.Version != run.Version)
            {
                yield return Finding(ReconciliationIssue.VersionDiffers, $"orchestration projected version {reported.Version}, the store has {run.Version}");
            }

            if (reported.Status is { } status && status != run.Status)
            {
                yield return Finding(ReconciliationIssue.StatusDiffers, $"orchestration reports {status}, the store has {run.Status}");
            }
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Run {RunId} of {TenantId} differs from its orchestration: {Issue} ({Detail})")]
    private static partial void LogFinding(ILogger logger, string tenantId, string runId, ReconciliationIssue issue, string detail);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Reconciliation compared {Compared} run orchestrations with their projections: {Findings} differences")]
    private static partial void LogPass(ILogger logger, int compared, int findings);
}
