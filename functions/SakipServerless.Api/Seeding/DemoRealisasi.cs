using System.Security.Cryptography;
using System.Text;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// Realisasi the demo units report: near each quarter's target (some above, some below, so capaian and predicates
/// vary), derived from a hash of indicator, unit and period so every seeded database shows the same numbers.
/// </summary>
internal static class DemoRealisasi
{
    public static IReadOnlyList<RealisasiEntry> For(DemoTenant tenant, string unitId, Period period) =>
        tenant.Indicators
            .Where(i => i.ReportedBy.Contains(unitId) && i.TargetFor(period.Quarter) is not null)
            .Select(i => new RealisasiEntry(i.RecordId(period.Year), Value(i, unitId, period)))
            .ToList();

    public static decimal Value(DemoIndicator indicator, string unitId, Period period)
    {
        decimal target = indicator.TargetFor(period.Quarter) ?? 0m;
        var rule = indicator.ToRecord("-", "-", period.Year).ToIndicator();

        // 0.86–1.08 of target for higher-is-better, 0.85–1.15 for lower-is-better: mostly close, sometimes short.
        decimal spread = Fraction($"{indicator.Id}|{unitId}|{period.Key}");
        decimal factor = indicator.Polarity == Polarity.Positive ? 0.86m + 0.22m * spread : 0.85m + 0.30m * spread;
        decimal value = target * factor;
        value = SatuanRules.Find(indicator.Satuan) is { WholeNumber: true }
            ? Math.Round(value, 0, MidpointRounding.AwayFromZero)
            : Math.Round(value, 2, MidpointRounding.AwayFromZero);
        value = Math.Max(value, rule.RealisasiMin);
        return rule.RealisasiMax is { } max ? Math.Min(value, max) : value;
    }

    /// <summary>A stable number in [0, 1) for a key; <see cref="string.GetHashCode()"/> differs per process.</summary>
    private static decimal Fraction(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return BitConverter.ToUInt16(hash, 0) / 65536m;
    }
}
