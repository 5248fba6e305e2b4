namespace SakipServerless.Api.Runs.Reconciliation;

/// <summary>What a reconciliation can find wrong between a run's orchestration and its projection in the store.</summary>
public enum ReconciliationIssue
{
    /// <summary>The orchestration has reported a projected version, but the store has no run.</summary>
    MissingProjection,

    /// <summary>The store's run is at another version than the one the orchestration says it projected.</summary>
    VersionDiffers,

    /// <summary>The store's run has another status than the orchestration reported.</summary>
    StatusDiffers,

    /// <summary>The orchestration ended (terminated or failed outside the API) while the store still shows the run open: nothing will move it again.</summary>
    OrchestrationEndedRunOpen,
}

public sealed record ReconciliationFinding(string TenantId, string RunId, ReconciliationIssue Issue, string Detail);
