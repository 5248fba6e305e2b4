using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Dashboard;

/// <summary>Turns accepted unit realisasi into an indicator's quarterly realisasi (the OPD's figure per triwulan).</summary>
public static class RealisasiCombiner
{
    /// <summary>
    /// Combination across units follows the satuan, not the aggregation type: the aggregation type says how quarters
    /// add up over time, whereas across units the question is whether the figures are additive. Counts of disjoint
    /// things (every satuan whose rule requires whole numbers) are; percentages, indices and scores are not, and
    /// without the units' denominators the unweighted mean is the only defensible combination.
    /// </summary>
    public static UnitCombination CombinationFor(IndicatorRecord indicator) =>
        SatuanRules.Find(indicator.Satuan) is { WholeNumber: true } ? UnitCombination.Sum : UnitCombination.Average;

    /// <summary>
    /// Per indicator: its realisasi per triwulan and how many units it came from. Only accepted submissions count.
    /// When one unit reported an indicator more than once in a quarter (two collect steps, or two runs of that quarter),
    /// its latest submission stands, so a correction replaces rather than doubles a value.
    /// </summary>
    public static IReadOnlyDictionary<string, QuarterlyRealisasi> Combine(IReadOnlyList<IndicatorRecord> indicators, IEnumerable<RealisasiRow> rows)
    {
        var byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var latest = new Dictionary<(string Indicator, int Quarter, string Unit), RealisasiRow>();
        foreach (var row in rows)
        {
            if (row.Status != UnitTaskStatus.Accepted || row.Quarter is < 1 or > 4
                || !byId.TryGetValue(row.IndicatorId, out var indicator) || indicator.OpdId != row.OpdId || indicator.Year != row.Year)
            {
                continue;
            }

            var key = (row.IndicatorId, row.Quarter, row.UnitId);
            if (!latest.TryGetValue(key, out var seen) || row.SubmittedAt > seen.SubmittedAt)
            {
                latest[key] = row;
            }
        }

        var reportedBy = latest.GroupBy(e => (e.Key.Indicator, e.Key.Quarter), e => e.Value.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        var result = new Dictionary<string, QuarterlyRealisasi>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            var combination = CombinationFor(indicator);
            var values = new decimal?[4];
            var units = new int[4];
            for (int q = 1; q <= 4; q++)
            {
                var reported = reportedBy.GetValueOrDefault((indicator.Id, q)) ?? [];
                units[q - 1] = reported.Count;
                if (reported.Count > 0)
                {
                    values[q - 1] = combination == UnitCombination.Sum ? reported.Sum() : reported.Sum() / reported.Count;
                }
            }

            result[indicator.Id] = new QuarterlyRealisasi(
                new TriwulanValues(indicator.Year, values[0], values[1], values[2], values[3]), units, combination);
        }

        return result;
    }
}

/// <summary>An indicator's realisasi per triwulan, how many units reported in each, and how units were combined.</summary>
public sealed record QuarterlyRealisasi(TriwulanValues Values, IReadOnlyList<int> UnitsReported, UnitCombination Combination);
