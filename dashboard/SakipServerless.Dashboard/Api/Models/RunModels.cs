using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Api.Models;

/// <summary>A run as <c>GET /api/runs/{id}</c> returns it: steps with mutu baku, due times, unit tasks and history.</summary>
public sealed record RunDto(
    string Id,
    string TenantId,
    string OpdId,
    string TemplateId,
    int TemplateVersion,
    string TemplateTitle,
    string Period,
    string PeriodLabel,
    RunStatus Status,
    int Version,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? NextDeadline,
    bool IsLate,
    string? ActiveStepId,
    DateTimeOffset AsOf,
    IReadOnlyList<StepDto> Steps,
    IReadOnlyList<RunEvent>? History) // absent from command answers: the dashboard asks for them without it (Prefer: return=minimal)
{
    public StepDto? FindStep(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);
}

/// <summary>One step of a run.</summary>
public sealed record StepDto(
    string StepId,
    int No,
    string Activity,
    StepKind Kind,
    StepStatus Status,
    string? AssigneeRole,
    string? AssigneeTitle,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Kelengkapan,
    int RequiredEvidenceFiles,
    string? OutputExpected,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    bool CompletedLate,
    int EscalationLevel,
    bool IsLate,
    long? LateMinutes,
    string? LateLabel,
    int ReturnCount,
    string? LastReturnReason,
    string? Output,
    IReadOnlyList<string> EvidenceFileIds,
    IReadOnlyList<UnitTaskDto> UnitTasks)
{
    public UnitTaskDto? FindUnit(string unitId) => UnitTasks.FirstOrDefault(u => u.UnitId == unitId);
}

/// <summary>One unit's part of a collect step.</summary>
public sealed record UnitTaskDto(
    string UnitId,
    string UnitName,
    UnitTaskStatus Status,
    DateTimeOffset DueAt,
    int EscalationLevel,
    bool IsLate,
    long? LateMinutes,
    string? LateLabel,
    int ReturnCount,
    string? LastReturnReason,
    UnitSubmission? Submission,
    DateTimeOffset? AcceptedAt);

/// <summary>A run in a list (<c>GET /api/runs</c>).</summary>
public sealed record RunSummaryDto(
    string Id,
    string OpdId,
    string TemplateId,
    int TemplateVersion,
    string Period,
    RunStatus Status,
    string? ActiveStepId,
    int? ActiveStepNo,
    DateTimeOffset? ActiveStepDueAt,
    int MaxEscalationLevel,
    bool IsLate,
    int StepsDone,
    int StepsTotal,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt);
