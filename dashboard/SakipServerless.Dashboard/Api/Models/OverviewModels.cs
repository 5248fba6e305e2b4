using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Api.Models;

/// <summary>The leadership overview (<c>GET /api/dashboard/overview</c>).</summary>
public sealed record OverviewDto(
    string TenantId,
    int Year,
    PeriodViewDto Period,
    string? OpdId,
    string? Sasaran,
    DateTimeOffset GeneratedAt,
    KpiDto Kpi,
    IReadOnlyList<OpdCompletionDto> Completion,
    HeatmapDto Heatmap,
    IReadOnlyList<OpdCapaianDto> CapaianByOpd,
    IReadOnlyList<SasaranCapaianDto> CapaianBySasaran,
    IReadOnlyList<TrendPointDto> Trend,
    IReadOnlyList<PredicateBandDto> Bands,
    IReadOnlyList<OverdueItemDto> Overdue,
    decimal? Cap = null);

/// <summary>The period a read model covers.</summary>
public sealed record PeriodViewDto(string Key, PeriodKind Kind, int Index, string Label, IReadOnlyList<int> Triwulans);

/// <summary>The KPI cards.</summary>
public sealed record KpiDto(
    int RunsTotal,
    int RunsCompleted,
    int StepsCompleted,
    int StepsCompletedOnTime,
    decimal? OnTimeRate,
    int StepsLateNow,
    int EscalatedNow,
    GroupCapaianDto AverageCapaian,
    int OpdsTotal,
    int OpdsWithoutData,
    IReadOnlyList<string> OpdsWithoutDataIds);

/// <summary>Disjoint step counts of one OPD, so they stack.</summary>
public sealed record OpdCompletionDto(string OpdId, string OpdName, int Runs, int RunsCompleted, int Done, int Active, int Late, int Escalated, int Pending);

/// <summary>OPD × SOP step.</summary>
public sealed record HeatmapDto(IReadOnlyList<HeatmapColumnDto> Steps, IReadOnlyList<HeatmapRowDto> Rows);

/// <summary>A step number and its activity.</summary>
public sealed record HeatmapColumnDto(int No, string Activity);

/// <summary>An OPD's latest run of the period (null run when it has none).</summary>
public sealed record HeatmapRowDto(string OpdId, string OpdName, string? RunId, string? Period, IReadOnlyList<HeatmapCellDto> Cells);

/// <summary>One step's state in the heatmap.</summary>
public sealed record HeatmapCellDto(int No, string StepId, StepState State, int EscalationLevel, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt);

/// <summary>A step as the dashboard colours it (mirrors the backend's read model).</summary>
public enum StepState
{
    Pending,
    Active,
    Late,
    Escalated,
    Done,
    Returned,
    Skipped,
    Stopped,
}

/// <summary>An OPD's average capaian for the period.</summary>
public sealed record OpdCapaianDto(string OpdId, string OpdName, GroupCapaianDto Capaian);

/// <summary>A sasaran's average capaian for the period.</summary>
public sealed record SasaranCapaianDto(string OpdId, string OpdName, string Sasaran, GroupCapaianDto Capaian);

/// <summary>The average capaian of one triwulan.</summary>
public sealed record TrendPointDto(int Triwulan, string Label, GroupCapaianDto Capaian);

/// <summary>A capaian: the value with predikat and colour, or why it cannot be computed.</summary>
public sealed record CapaianValueDto(decimal? Value, decimal? RawValue, bool IsCapped, string? Predicate, string? Color, string? Reason);

/// <summary>An average capaian and how many indicators it counts.</summary>
public sealed record GroupCapaianDto(CapaianValueDto Capaian, int IndicatorsIncluded, int IndicatorsExcluded);

/// <summary>One band of the tenant's predikat scale.</summary>
public sealed record PredicateBandDto(string Label, decimal? LowerBound, string? Color);

/// <summary>Something late right now, with who holds it and for how long.</summary>
public sealed record OverdueItemDto(
    string RunId,
    string OpdId,
    string OpdName,
    string Period,
    string StepId,
    int StepNo,
    string? Activity,
    StepKind StepKind,
    string Holder,
    string? AssigneeRole,
    string? AssigneeTitle,
    string? UnitId,
    string? UnitName,
    DateTimeOffset DueAt,
    long LateMinutes,
    string LateLabel,
    int EscalationLevel);
