using SakipServerless.Core.Capaian;
using SakipServerless.Core.Periods;

namespace SakipServerless.Api.Dashboard;

/// <summary>A numeric column of the rekap: one measure of one period (e.g. "Capaian Semester I").</summary>
/// <param name="PeriodKey">The <see cref="PeriodCapaian.Key"/> it reads, e.g. <c>2026-Q2</c>.</param>
public sealed record RekapColumn(string Header, RekapMeasure Measure, string PeriodKey)
{
    /// <summary>
    /// The columns for <paramref name="period"/>: target, realisasi and capaian of each triwulan it covers, then the
    /// period's own rekap when it spans more than one triwulan (the semester capaian too for the year, as pemda reports
    /// show them). A triwulan export is therefore three columns, the year nineteen.
    /// </summary>
    public static IReadOnlyList<RekapColumn> For(RekapPeriod period)
    {
        var columns = new List<RekapColumn>();
        foreach (var measure in new[] { RekapMeasure.Target, RekapMeasure.Realisasi, RekapMeasure.Capaian })
        {
            string word = measure.ToString();
            columns.AddRange(period.Triwulans.Select(q => new RekapColumn($"{word} TW {RekapPeriod.Roman(q)}", measure, DashboardPeriod.KeyOf(RekapPeriod.Triwulan(period.Year, q)))));
            if (period.Kind == PeriodKind.Tahunan && measure == RekapMeasure.Capaian)
            {
                columns.Add(new RekapColumn($"{word} Semester I", measure, DashboardPeriod.KeyOf(RekapPeriod.Semester(period.Year, 1))));
                columns.Add(new RekapColumn($"{word} Semester II", measure, DashboardPeriod.KeyOf(RekapPeriod.Semester(period.Year, 2))));
            }

            if (period.Kind != PeriodKind.Triwulan)
            {
                columns.Add(new RekapColumn($"{word} {(period.Kind == PeriodKind.Semester ? $"Semester {RekapPeriod.Roman(period.Index)}" : "Tahunan")}", measure, DashboardPeriod.KeyOf(period)));
            }
        }

        return columns;
    }

}
