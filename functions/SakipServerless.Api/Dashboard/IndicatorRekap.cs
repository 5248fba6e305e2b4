using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;

namespace SakipServerless.Api.Dashboard;

/// <summary>An indicator with its combined realisasi: computes its capaian for any triwulan, semester or the year.</summary>
public sealed class IndicatorRekap(IndicatorRecord record, QuarterlyRealisasi realisasi, CapaianCalculator calculator)
{
    public IndicatorRecord Record { get; } = record;

    public QuarterlyRealisasi Realisasi { get; } = realisasi;

    /// <summary>
    /// Target and realisasi are each aggregated by the indicator's aggregation type (Core <see cref="Rekap"/>). For the
    /// year, the Perjanjian Kinerja's yearly target, when set, overrides the sum or the last of the quarterly split:
    /// it is the figure the OPD signed, and the Rencana Aksi split may not add up to it.
    /// </summary>
    public CapaianResult Compute(RekapPeriod period, out decimal? target, out RekapResult realisasi)
    {
        var indicator = Record.ToIndicator();
        realisasi = Rekap.Aggregate(indicator.Aggregation, Realisasi.Values, period);
        target = period.Kind == PeriodKind.Tahunan && Record.TargetTahunan is { } yearly
            ? yearly
            : Rekap.Aggregate(indicator.Aggregation, Record.Targets, period).Value;
        return calculator.Compute(indicator.Polarity, target, realisasi.Value);
    }

    public CapaianResult Compute(RekapPeriod period) => Compute(period, out _, out _);

    public PeriodCapaian View(RekapPeriod period)
    {
        var result = Compute(period, out var target, out var realisasi);
        int? units = period.Kind == PeriodKind.Triwulan ? Realisasi.UnitsReported[period.Index - 1] : null;
        return new PeriodCapaian(DashboardPeriod.KeyOf(period), period.Label, target, realisasi.Value, realisasi.QuartersWithData,
            target is not null && realisasi.IsComplete, units, CapaianValue.From(result));
    }

    public IndicatorCapaian ToView()
    {
        int year = Record.Year;
        return new IndicatorCapaian(Record.Id, Record.Sasaran, Record.Name, Record.Satuan, Record.Polarity, Record.Aggregation,
            Realisasi.Combination, Record.TargetTahunan,
            [.. Enumerable.Range(1, 4).Select(q => View(RekapPeriod.Triwulan(year, q)))],
            [View(RekapPeriod.Semester(year, 1)), View(RekapPeriod.Semester(year, 2))],
            View(RekapPeriod.Tahunan(year)));
    }
}
