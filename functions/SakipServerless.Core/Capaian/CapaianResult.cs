namespace SakipServerless.Core.Capaian;

/// <summary>The capaian of an indicator (or a group) in percent, or why it cannot be computed.</summary>
/// <remarks>
/// Values keep full decimal precision; round only for display (<see cref="DisplayValue"/>), so that group
/// averages and rekap are computed from exact figures, not from already-rounded ones.
/// </remarks>
public sealed record CapaianResult
{
    private CapaianResult(decimal? rawValue, decimal? cappedValue, PredicateBand? band, string? reason)
    {
        RawValue = rawValue;
        CappedValue = cappedValue;
        Band = band;
        Reason = reason;
    }

    /// <summary>True when a capaian exists; otherwise <see cref="Reason"/> says why not.</summary>
    public bool IsComputable => RawValue is not null;

    /// <summary>Why the capaian cannot be computed, in Bahasa Indonesia; null when it can.</summary>
    public string? Reason { get; }

    /// <summary>Capaian before the cap (never below 0).</summary>
    public decimal? RawValue { get; }

    /// <summary>Capaian after the pemda's cap; the figure to report, classify and average.</summary>
    public decimal? CappedValue { get; }

    /// <summary>True when the cap lowered the raw value.</summary>
    public bool IsCapped => RawValue > CappedValue;

    /// <summary>The predikat band of <see cref="CappedValue"/>, with its dashboard colour.</summary>
    public PredicateBand? Band { get; }

    /// <summary>The predikat label, e.g. "Tinggi"; null when not computable.</summary>
    public string? Predicate => Band?.Label;

    /// <summary><see cref="CappedValue"/> rounded to 2 decimals for display.</summary>
    public decimal? DisplayValue => CappedValue is { } v ? RoundForDisplay(v) : null;

    /// <summary><see cref="RawValue"/> rounded to 2 decimals for display.</summary>
    public decimal? DisplayRawValue => RawValue is { } v ? RoundForDisplay(v) : null;

    /// <summary>Rounds to 2 decimals, halves away from zero as reports are rounded by hand (90.125 → 90.13).</summary>
    public static decimal RoundForDisplay(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    internal static CapaianResult NotComputable(string reason) => new(null, null, null, reason);

    internal static CapaianResult Computed(decimal rawValue, CapaianSettings settings)
    {
        decimal capped = settings.Cap is { } cap && rawValue > cap ? cap : rawValue;
        return new(rawValue, capped, settings.Bands.Classify(capped), null);
    }
}
