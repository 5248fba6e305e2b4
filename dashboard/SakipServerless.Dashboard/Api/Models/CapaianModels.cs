using SakipServerless.Core.Capaian;

namespace SakipServerless.Dashboard.Api.Models;

/// <summary>Capaian per indicator for a year (<c>GET /api/dashboard/capaian</c>).</summary>
public sealed record CapaianReportDto(string TenantId, int Year, decimal? Cap, IReadOnlyList<PredicateBandDto> Bands, IReadOnlyList<OpdCapaianReportDto> Opds);

/// <summary>One OPD's indicators.</summary>
public sealed record OpdCapaianReportDto(string OpdId, string OpdName, GroupCapaianDto Tahunan, IReadOnlyList<IndicatorCapaianDto> Indicators);

/// <summary>One indicator's year.</summary>
public sealed record IndicatorCapaianDto(
    string IndicatorId,
    string Sasaran,
    string Name,
    string Satuan,
    Polarity Polarity,
    AggregationType Aggregation,
    string UnitCombination,
    decimal? TargetTahunan,
    IReadOnlyList<PeriodCapaianDto> Triwulan,
    IReadOnlyList<PeriodCapaianDto> Semester,
    PeriodCapaianDto Tahunan)
{
    /// <summary>The figures of a dashboard period key (<c>2026-Q2</c>, <c>2026-S1</c>, <c>2026-Y</c>).</summary>
    public PeriodCapaianDto For(string periodKey) =>
        Triwulan.Concat(Semester).FirstOrDefault(p => p.Key == periodKey) ?? Tahunan;
}

/// <summary>Target, realisasi and capaian of one indicator over one period.</summary>
public sealed record PeriodCapaianDto(
    string Key,
    string Label,
    decimal? Target,
    decimal? Realisasi,
    int QuartersWithData,
    bool IsComplete,
    int? UnitsReported,
    CapaianValueDto Capaian);
