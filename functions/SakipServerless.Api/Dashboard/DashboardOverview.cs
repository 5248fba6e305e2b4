namespace SakipServerless.Api.Dashboard;

/// <summary>The leadership overview of a pemda for a period: KPI cards, completion, heatmap, capaian, trend and what is late.</summary>
/// <param name="Sasaran">The sasaran filter; it narrows the capaian parts only (runs are not per sasaran).</param>
/// <param name="Overdue">What is late now in the runs of the period, most late first.</param>
public sealed record DashboardOverview(
    string TenantId,
    int Year,
    DashboardPeriodView Period,
    string? OpdId,
    string? Sasaran,
    DateTimeOffset GeneratedAt,
    OverviewKpi Kpi,
    IReadOnlyList<OpdCompletion> Completion,
    OverviewHeatmap Heatmap,
    IReadOnlyList<OpdCapaianSummary> CapaianByOpd,
    IReadOnlyList<SasaranCapaianSummary> CapaianBySasaran,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<PredicateBandView> Bands,
    IReadOnlyList<OverdueItem> Overdue,
    decimal? Cap);

/// <summary>The KPI cards.</summary>
/// <param name="OnTimeRate">Steps completed on time / steps completed, in percent (2 decimals); null when none completed.</param>
/// <param name="StepsLateNow">Steps past their due time now, escalated ones included.</param>
/// <param name="EscalatedNow">Of those, the steps escalated to the head of the OPD.</param>
/// <param name="AverageCapaian">Average capaian of the period over every indicator in scope (each indicator weighs the same).</param>
/// <param name="OpdsWithoutData">OPDs in scope with no accepted realisasi in the period.</param>
public sealed record OverviewKpi(
    int RunsTotal,
    int RunsCompleted,
    int StepsCompleted,
    int StepsCompletedOnTime,
    decimal? OnTimeRate,
    int StepsLateNow,
    int EscalatedNow,
    GroupCapaian AverageCapaian,
    int OpdsTotal,
    int OpdsWithoutData,
    IReadOnlyList<string> OpdsWithoutDataIds);

/// <summary>Step counts of one OPD's runs in the period, disjoint so they stack: done, active (on time), late, escalated, pending.</summary>
public sealed record OpdCompletion(string OpdId, string OpdName, int Runs, int RunsCompleted, int Done, int Active, int Late, int Escalated, int Pending);

/// <summary>OPD × SOP step: one row per OPD showing its latest run of the period, one column per step number.</summary>
public sealed record OverviewHeatmap(IReadOnlyList<HeatmapColumn> Steps, IReadOnlyList<HeatmapRow> Rows);

/// <summary>A step number with the activity text of the first template that has it.</summary>
public sealed record HeatmapColumn(int No, string Activity);

/// <summary>An OPD's row; <paramref name="RunId"/> is null (and the row empty) when the OPD has no run in the period.</summary>
public sealed record HeatmapRow(string OpdId, string OpdName, string? RunId, string? Period, IReadOnlyList<HeatmapCell> Cells);

/// <summary>One step of the row's run.</summary>
public sealed record HeatmapCell(int No, string StepId, StepState State, int EscalationLevel, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt);

/// <summary>An OPD's average capaian for the period.</summary>
public sealed record OpdCapaianSummary(string OpdId, string OpdName, GroupCapaian Capaian);

/// <summary>A sasaran's average capaian for the period; sasaran belong to an OPD's Perjanjian Kinerja.</summary>
public sealed record SasaranCapaianSummary(string OpdId, string OpdName, string Sasaran, GroupCapaian Capaian);

/// <summary>The average capaian of one triwulan of the year.</summary>
public sealed record TrendPoint(int Triwulan, string Label, GroupCapaian Capaian);
