using SakipServerless.Api.MasterData;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The rekap of one period as flat tables, one sheet per OPD and one row per indicator: the single source of the .xlsx
/// and the CSV export, so both hold exactly what the capaian page shows for the same slicers.
/// </summary>
public sealed record RekapTable(RekapHeading Heading, IReadOnlyList<RekapColumn> Columns, IReadOnlyList<RekapSheet> Sheets)
{
    public const string SasaranHeader = "Sasaran";
    public const string IndikatorHeader = "Indikator";
    public const string SatuanHeader = "Satuan";
    public const string PredikatHeader = "Predikat";
    public const string CatatanHeader = "Catatan";

    /// <summary>Every header in order: the three text columns, the numeric <see cref="Columns"/>, predikat and catatan.</summary>
    public IReadOnlyList<string> Headers => [SasaranHeader, IndikatorHeader, SatuanHeader, .. Columns.Select(c => c.Header), PredikatHeader, CatatanHeader];

    /// <param name="runs">The runs of the year in scope, for each OPD's data status (they carry no figures here).</param>
    public static RekapTable From(CapaianReport report, RekapPeriod period, IReadOnlyList<SopRun> runs, RekapHeading heading)
    {
        var columns = RekapColumn.For(period);
        string key = DashboardPeriod.KeyOf(period);
        var sheets = report.Opds.Select(opd => new RekapSheet(opd.OpdId, opd.OpdName, RekapDataStatus.Of(runs, opd.OpdId, period),
            opd.Indicators.Select(i => Row(i, columns, key)).ToList())).ToList();
        return new RekapTable(heading, columns, sheets);
    }

    private static RekapRow Row(IndicatorCapaian indicator, IReadOnlyList<RekapColumn> columns, string periodKey)
    {
        var cells = columns.Select(c =>
        {
            var period = PeriodOf(indicator, c.PeriodKey);
            return c.Measure switch
            {
                RekapMeasure.Target => new RekapCell(period.Target, null),
                RekapMeasure.Realisasi => new RekapCell(period.Realisasi, null),
                _ => new RekapCell(period.Capaian.Value, period.Capaian.IsCapped ? period.Capaian.RawValue : null),
            };
        }).ToList();

        // The uncapped values in words, so the cap stays visible on paper and in the CSV (the dashboard shows them on hover).
        var notes = columns.Zip(cells).Where(x => x.Second.UncappedValue is not null)
            .Select(x => $"{x.First.Header} dibatasi; sebenarnya {MasterDataText.Number(x.Second.UncappedValue!.Value)} %").ToList();
        return new RekapRow(indicator.Sasaran, indicator.Name, indicator.Satuan, cells, PeriodOf(indicator, periodKey).Capaian.Predicate, string.Join("; ", notes));
    }

    private static PeriodCapaian PeriodOf(IndicatorCapaian indicator, string key) =>
        indicator.Triwulan.Concat(indicator.Semester).Append(indicator.Tahunan).First(p => p.Key == key);
}

/// <summary>What the title block of every sheet says besides the OPD: the pemda, the period, the filter and when it was printed.</summary>
/// <param name="PrintedAt">The time of the export in the pemda's zone (its offset names WIB, WITA or WIT).</param>
/// <param name="Cap">The pemda's capaian cap in percent; null when over-achievement counts in full.</param>
public sealed record RekapHeading(string PemdaName, string PeriodLabel, string? Sasaran, DateTimeOffset PrintedAt, decimal? Cap);

/// <summary>The rows of one OPD with how final its figures are.</summary>
public sealed record RekapSheet(string OpdId, string OpdName, RekapDataStatus Status, IReadOnlyList<RekapRow> Rows);

/// <summary>One indicator: a cell per <see cref="RekapTable.Columns"/>, the period's predikat, and a note naming capped capaian.</summary>
public sealed record RekapRow(string Sasaran, string Indikator, string Satuan, IReadOnlyList<RekapCell> Cells, string? Predikat, string Catatan);

/// <summary>A number of the rekap (null when empty); for a capped capaian, the value before the cap.</summary>
public sealed record RekapCell(decimal? Value, decimal? UncappedValue)
{
    public bool IsCapped => UncappedValue is not null;
}
