namespace SakipServerless.Core.Capaian;

/// <summary>Computes capaian under one pemda's <see cref="CapaianSettings"/>: per indicator, per group and per rekap period.</summary>
/// <remarks>Settings are bound once so that an indicator's capaian and its group's average cannot use different policies.</remarks>
public sealed class CapaianCalculator
{
    internal const string TargetMissing = "Target belum ditetapkan, capaian tidak dapat dihitung";
    internal const string TargetZero = "Target bernilai 0, capaian tidak dapat dihitung";
    internal const string TargetNegative = "Target bernilai negatif, capaian tidak dapat dihitung";
    internal const string RealisasiMissing = "Realisasi belum diisi, capaian tidak dapat dihitung";
    internal const string GroupEmpty = "Kelompok ini tidak memiliki indikator, capaian tidak dapat dihitung";
    internal const string GroupNoneComputable = "Tidak ada indikator yang capaiannya dapat dihitung";

    public CapaianCalculator(CapaianSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    public CapaianSettings Settings { get; }

    /// <summary>The capaian of <paramref name="indicator"/> for one target and realisasi.</summary>
    public CapaianResult Compute(Indicator indicator, decimal? target, decimal? realisasi)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Compute(indicator.Polarity, target, realisasi);
    }

    /// <summary>
    /// Positive: realisasi / target × 100. Negative: (2 × target − realisasi) / target × 100.
    /// Missing values and a zero target on a positive indicator give a not-computable result, never a division.
    /// </summary>
    public CapaianResult Compute(Polarity polarity, decimal? target, decimal? realisasi)
    {
        // Target problems come first: they are configuration errors that a later realisasi will not fix.
        if (target is not { } t)
        {
            return CapaianResult.NotComputable(TargetMissing);
        }

        // Both formulas assume a target above 0; with a negative target they reward the wrong direction.
        if (t < 0m)
        {
            return CapaianResult.NotComputable(TargetNegative);
        }

        if (t == 0m && polarity == Polarity.Positive)
        {
            return CapaianResult.NotComputable(TargetZero);
        }

        if (realisasi is not { } r)
        {
            return CapaianResult.NotComputable(RealisasiMissing);
        }

        decimal raw = polarity switch
        {
            // LKjIP practice for "zero is the target" (e.g. konflik sosial): met in full or not at all.
            Polarity.Negative when t == 0m => r <= 0m ? 100m : 0m,
            Polarity.Negative => (2m * t - r) * 100m / t,
            Polarity.Positive => r * 100m / t,
            _ => throw new ArgumentOutOfRangeException(nameof(polarity), polarity, "Unknown polarity."),
        };

        // A realisasi above twice the target drives the negative formula below 0 (likewise a negative realisasi
        // on a positive indicator). Below 0 carries no extra meaning, since 0 already is "nothing achieved",
        // and a negative figure would let one indicator drag its whole sasaran or OPD average down.
        return CapaianResult.Computed(Math.Max(raw, 0m), Settings);
    }

    /// <summary>The average capped capaian of the computable results; the others are counted, not averaged as 0.</summary>
    public CapaianGroupResult Average(IEnumerable<CapaianResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        decimal sum = 0m;
        int included = 0, excluded = 0;
        foreach (var result in results)
        {
            if (result.CappedValue is { } value)
            {
                sum += value;
                included++;
            }
            else
            {
                excluded++;
            }
        }

        if (included == 0)
        {
            return new(CapaianResult.NotComputable(excluded == 0 ? GroupEmpty : GroupNoneComputable), 0, excluded);
        }

        return new(CapaianResult.Computed(sum / included, Settings), included, excluded);
    }

    /// <summary>The capaian of <paramref name="indicator"/> over <paramref name="period"/>: aggregated realisasi against aggregated target.</summary>
    public RekapCapaian ComputeRekap(Indicator indicator, TriwulanValues target, TriwulanValues realisasi, RekapPeriod period)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var targetRekap = Rekap.Aggregate(indicator.Aggregation, target, period);
        var realisasiRekap = Rekap.Aggregate(indicator.Aggregation, realisasi, period);
        return new(period, targetRekap, realisasiRekap, Compute(indicator.Polarity, targetRekap.Value, realisasiRekap.Value));
    }
}
