namespace SakipServerless.Core.Capaian;

/// <summary>A value aggregated over a rekap period, with how many of its quarters had data.</summary>
/// <param name="Value">The aggregated value; null when no quarter of the period has data.</param>
/// <param name="QuartersWithData">Quarters of the period that had a value.</param>
public sealed record RekapResult(RekapPeriod Period, AggregationType Aggregation, decimal? Value, int QuartersWithData)
{
    /// <summary>Quarters the period spans: 1, 2 or 4.</summary>
    public int QuartersInPeriod => Period.Triwulans.Count;

    /// <summary>True when every quarter of the period had data.</summary>
    public bool IsComplete => QuartersWithData == QuartersInPeriod;
}
