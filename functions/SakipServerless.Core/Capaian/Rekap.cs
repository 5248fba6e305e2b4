using System.Diagnostics;

namespace SakipServerless.Core.Capaian;

/// <summary>Rekapitulasi: aggregates quarterly values to a triwulan, semester or year by the indicator's aggregation type.</summary>
public static class Rekap
{
    /// <summary>
    /// Kumulatif sums the quarters with data, non-kumulatif takes the latest quarter with data, rata-rata averages
    /// the quarters with data. Quarters without data are skipped, never counted as 0; none at all gives null.
    /// </summary>
    public static RekapResult Aggregate(AggregationType aggregation, TriwulanValues values, RekapPeriod period)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(period);
        if (!Enum.IsDefined(aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation type.");
        }

        if (values.Year != period.Year)
        {
            throw new ArgumentException($"Values of {values.Year} cannot be aggregated for {period.Label}.", nameof(period));
        }

        var present = new List<decimal>(4);
        foreach (int triwulan in period.Triwulans)
        {
            if (values[triwulan] is { } v)
            {
                present.Add(v);
            }
        }

        decimal? value = present.Count == 0 ? null : aggregation switch
        {
            AggregationType.Kumulatif => present.Sum(),
            AggregationType.NonKumulatif => present[^1],
            AggregationType.RataRata => present.Sum() / present.Count,
            _ => throw new UnreachableException(),
        };
        return new(period, aggregation, value, present.Count);
    }
}
