namespace SakipServerless.Core.Capaian;

/// <summary>An indicator's capaian over a rekap period, with the aggregated target and realisasi it was computed from.</summary>
public sealed record RekapCapaian(RekapPeriod Period, RekapResult Target, RekapResult Realisasi, CapaianResult Capaian)
{
    /// <summary>True when both target and realisasi had data for every quarter of the period.</summary>
    public bool IsComplete => Target.IsComplete && Realisasi.IsComplete;
}
