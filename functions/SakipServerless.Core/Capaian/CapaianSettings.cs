namespace SakipServerless.Core.Capaian;

/// <summary>A pemda's capaian policy: the optional cap and the predikat scale.</summary>
public sealed record CapaianSettings
{
    /// <param name="cap">Highest capaian counted, in percent (100 or 120 in practice); null for no cap.</param>
    /// <param name="bands">The predikat scale; null for <see cref="PredicateBands.Default"/>.</param>
    public CapaianSettings(decimal? cap = null, PredicateBands? bands = null)
    {
        // A cap below 100 would cut even exact achievement of the target, which no policy intends.
        if (cap < 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "Batas atas capaian minimal 100%.");
        }

        Cap = cap;
        Bands = bands ?? PredicateBands.Default;
    }

    /// <summary>The cap a pemda starts with (120 %, as many pemda evaluate over-achievement); none only when it says so.</summary>
    public const decimal DefaultCap = 120m;

    /// <summary>Highest capaian counted, in percent; null when over-achievement counts in full.</summary>
    public decimal? Cap { get; }

    public PredicateBands Bands { get; }

    /// <summary>No cap, default bands: over-achievement stays visible until a pemda opts into a cap.</summary>
    public static CapaianSettings Default { get; } = new();
}
