using SakipServerless.Core.Capaian;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// How final an OPD's figures for a period are: per triwulan of the period, whether its run was approved (completed),
/// is still in progress, or was never started. Figures are final only when every triwulan's run is approved; until
/// then the export says "data sementara", because accepted unit values can still be returned in review.
/// </summary>
public sealed record RekapDataStatus(int Triwulans, int Approved, int InProgress)
{
    public int NotStarted => Triwulans - Approved - InProgress;

    public bool IsFinal => Approved == Triwulans;

    /// <summary>E.g. "Data sementara: 1 dari 2 siklus triwulan disetujui, 1 masih berjalan".</summary>
    public string Text
    {
        get
        {
            var parts = new List<string> { $"{Approved} dari {Triwulans} siklus triwulan disetujui" };
            if (InProgress > 0)
            {
                parts.Add($"{InProgress} masih berjalan");
            }

            if (NotStarted > 0)
            {
                parts.Add($"{NotStarted} belum dimulai");
            }

            return (IsFinal ? "Data final: " : "Data sementara: ") + string.Join(", ", parts);
        }
    }

    /// <summary>A terminated run is void (its data never counts), so a triwulan with only such runs has not started.</summary>
    public static RekapDataStatus Of(IEnumerable<SopRun> runs, string opdId, RekapPeriod period)
    {
        var mine = runs.Where(r => r.OpdId == opdId && r.Period.Year == period.Year).ToList();
        int approved = 0, inProgress = 0;
        foreach (int q in period.Triwulans)
        {
            var quarter = mine.Where(r => r.Period.Quarter == q).ToList();
            if (quarter.Any(r => r.Status == RunStatus.Completed))
            {
                approved++;
            }
            else if (quarter.Any(r => r.Status is RunStatus.Running or RunStatus.Suspended))
            {
                inProgress++;
            }
        }

        return new RekapDataStatus(period.Triwulans.Count, approved, inProgress);
    }
}
