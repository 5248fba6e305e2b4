using System.Text.Json.Serialization;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Runs;

/// <summary>
/// A run as the API shows it: steps with their SOP text, due times, assignees, escalation, unit tasks and the history.
/// The history is left out (the property is absent) when the client asked for a minimal answer to a command.
/// <c>AsOf</c> is the application clock's now that every <c>isLate</c> and <c>lateMinutes</c> in it was computed at.
/// </summary>
public sealed record RunView(
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
    IReadOnlyList<StepView> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RunEvent>? History)
{
    public static RunView From(SopRun run, SopTemplate template, DateTimeOffset now, bool withHistory = true)
    {
        var steps = run.Steps.Select((s, i) => StepView.From(s, template.Steps[i], template, now)).ToList();
        return new RunView(run.Id, run.TenantId, run.OpdId, run.TemplateId, run.TemplateVersion, template.Title, run.Period.Key, run.Period.Label,
            run.Status, run.Version, run.StartedAt, run.CompletedAt, run.NextDeadline,
            run.Status == RunStatus.Running && steps.Any(s => s.IsLate || s.UnitTasks.Any(u => u.IsLate)),
            run.ActiveStep?.StepId, now, steps, withHistory ? run.History : null);
    }
}

/// <summary>One step of a run with its mutu baku from the template (<c>RequiredEvidenceFiles</c>: what each unit submission must carry).</summary>
public sealed record StepView(
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
    IReadOnlyList<UnitTaskView> UnitTasks)
{
    public static StepView From(StepInstance s, SopStep def, SopTemplate template, DateTimeOffset now)
    {
        var late = Lateness.Of(s.DueAt, now, s.IsLate(now));
        return new(
            s.StepId, s.No, def.Activity, s.Kind, s.Status, s.AssigneeRole,
            s.AssigneeRole is null ? null : template.FindRole(s.AssigneeRole)?.Title,
            def.Actors, def.Kelengkapan, def.RequiredEvidenceFiles, def.Output, s.ActivatedAt, s.DueAt, s.CompletedAt, s.CompletedBy, s.CompletedLate,
            s.EscalationLevel, s.IsLate(now), late?.Minutes, late?.Label, s.ReturnCount, s.LastReturnReason, s.Output, s.EvidenceFileIds,
            s.UnitTasks.Select(u => UnitTaskView.From(u, now)).ToList());
    }
}

/// <summary>One unit's part of a collect step.</summary>
public sealed record UnitTaskView(
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
    DateTimeOffset? AcceptedAt)
{
    public static UnitTaskView From(UnitTask u, DateTimeOffset now)
    {
        var late = Lateness.Of(u.DueAt, now, u.IsLate(now));
        return new(u.UnitId, u.UnitName, u.Status, u.DueAt, u.EscalationLevel, u.IsLate(now), late?.Minutes, late?.Label,
            u.ReturnCount, u.LastReturnReason, u.Submission, u.AcceptedAt);
    }
}

/// <summary>A run in a list: enough to filter and to link, without the history.</summary>
public sealed record RunSummary(
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
    DateTimeOffset? CompletedAt)
{
    public static RunSummary From(SopRun run, DateTimeOffset now)
    {
        var included = run.Steps.Where(s => s.Status != StepStatus.Skipped).ToList();
        var active = run.ActiveStep;
        int level = active is null ? 0 : Math.Max(active.EscalationLevel, active.UnitTasks.Select(u => u.EscalationLevel).DefaultIfEmpty(0).Max());
        bool late = run.Status == RunStatus.Running && active is not null && (active.IsLate(now) || active.UnitTasks.Any(u => u.IsLate(now)));
        return new RunSummary(run.Id, run.OpdId, run.TemplateId, run.TemplateVersion, run.Period.Key, run.Status, active?.StepId, active?.No, active?.DueAt,
            level, late, included.Count(s => s.Status == StepStatus.Done), included.Count, run.StartedAt, run.CompletedAt);
    }
}
