using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Api.Models;

/// <summary>One item of <c>GET /api/me/tasks</c>: a step to do, a unit submission to send, or one to accept or return.</summary>
/// <param name="Type"><c>step</c>, <c>unit-submit</c> or <c>unit-review</c>.</param>
public sealed record MyTaskDto(
    string Type,
    string RunId,
    string Period,
    string StepId,
    int StepNo,
    string Activity,
    StepKind Kind,
    string? UnitId,
    string? UnitName,
    DateTimeOffset? DueAt,
    string DueKind,
    bool IsLate,
    long? LateMinutes,
    string? LateLabel,
    int EscalationLevel,
    string? ReturnReason);

/// <summary>Body of complete and approve.</summary>
public sealed record CompleteRequest(string? Output, IReadOnlyList<string> Kelengkapan, IReadOnlyList<string> EvidenceFileIds);

/// <summary>One realisasi of a unit submission.</summary>
public sealed record RealisasiInput(string IndicatorId, decimal Value, string? Note);

/// <summary>Body of a unit submission.</summary>
public sealed record SubmitRequest(IReadOnlyList<RealisasiInput> Realisasi, IReadOnlyList<string> EvidenceFileIds, string? Note, bool ConfirmUnusual = false);

/// <summary>Body of a return, suspension or termination.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>An evidence file stored by the backend (<c>POST /api/runs/{runId}/files</c>, uploads issue).</summary>
public sealed record UploadedFileDto(string Id, string FileName, long Size, string Sha256, string ContentType, DateTimeOffset UploadedAt);
