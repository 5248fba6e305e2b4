using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// A capaian as the dashboard shows it: the capped value rounded to 2 decimals with its predikat and colour, or the
/// reason (in Bahasa Indonesia) it cannot be computed. Null members are left out of the JSON.
/// </summary>
public sealed record CapaianValue(decimal? Value, decimal? RawValue, bool IsCapped, string? Predicate, string? Color, string? Reason)
{
    public static CapaianValue From(CapaianResult result) =>
        new(result.DisplayValue, result.DisplayRawValue, result.IsCapped, result.Predicate, result.Band?.Color, result.Reason);
}

/// <summary>The average capaian of a group of indicators and how many indicators it included or left out.</summary>
public sealed record GroupCapaian(CapaianValue Capaian, int IndicatorsIncluded, int IndicatorsExcluded)
{
    public static GroupCapaian From(CapaianGroupResult group) => new(CapaianValue.From(group.Capaian), group.IncludedCount, group.ExcludedCount);
}

/// <summary>One predikat band of the tenant's scale (the chart legend).</summary>
public sealed record PredicateBandView(string Label, decimal? LowerBound, string? Color)
{
    public static IReadOnlyList<PredicateBandView> From(CapaianSettings settings) =>
        settings.Bands.Bands.Select(b => new PredicateBandView(b.Label, b.LowerBound, b.Color)).ToList();
}
