using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.Dashboard;

/// <summary>Capaian per indicator for a year: targets and realisasi per triwulan, rekap semester I/II and tahunan, per OPD.</summary>
/// <param name="Cap">The tenant's capaian cap in percent; null when over-achievement counts in full.</param>
public sealed record CapaianReport(string TenantId, int Year, decimal? Cap, IReadOnlyList<PredicateBandView> Bands, IReadOnlyList<OpdCapaianReport> Opds);

/// <summary>One OPD's indicators, with the average tahunan capaian of the OPD.</summary>
public sealed record OpdCapaianReport(string OpdId, string OpdName, GroupCapaian Tahunan, IReadOnlyList<IndicatorCapaian> Indicators);

/// <summary>One indicator's year: four triwulan, two semester and the tahunan rekap.</summary>
/// <param name="UnitCombination">How the units' values were combined into the OPD's realisasi.</param>
public sealed record IndicatorCapaian(
    string IndicatorId,
    string Sasaran,
    string Name,
    string Satuan,
    Polarity Polarity,
    AggregationType Aggregation,
    UnitCombination UnitCombination,
    decimal? TargetTahunan,
    IReadOnlyList<PeriodCapaian> Triwulan,
    IReadOnlyList<PeriodCapaian> Semester,
    PeriodCapaian Tahunan);

/// <summary>Target, realisasi and capaian of one indicator over one period.</summary>
/// <param name="QuartersWithData">Quarters of the period with a realisasi.</param>
/// <param name="UnitsReported">Triwulan only: units whose accepted value made the realisasi.</param>
public sealed record PeriodCapaian(
    string Key,
    string Label,
    decimal? Target,
    decimal? Realisasi,
    int QuartersWithData,
    bool IsComplete,
    int? UnitsReported,
    CapaianValue Capaian);
