namespace SakipServerless.Core.Capaian;

/// <summary>
/// Flags a realisasi that lies far from its quarter's target or from the unit's previous quarter, so the submitter
/// confirms it before it is stored and the reviewer sees that it was confirmed. A typo (97 for 9.7, a count entered as
/// a share) otherwise passes every range check and distorts the pemda's average capaian for the whole year.
/// </summary>
/// <remarks>
/// "Far" is a ratio: the value is more than <c>factor</c> times the reference, or less than the reference divided by
/// it. A zero (nothing happened this quarter) and references of zero or less say nothing about scale and are skipped,
/// as is a missing reference. Counts (whole-number satuan) are a unit's share of the OPD's figure, summed across
/// units, so they are compared with the unit's own previous quarter only, never with the OPD's target. The factor
/// comes from the indicator (<see cref="MasterData.IndicatorRecord.OutlierFactor"/>), else <see cref="DefaultFactor"/>.
/// </remarks>
public static class RealisasiPlausibility
{
    /// <summary>Twice or half the reference: wide enough for real swings between quarters, narrow enough for a slipped decimal.</summary>
    public const decimal DefaultFactor = 2m;

    /// <summary>The smallest factor an indicator may set: below it ordinary quarters would all ask for confirmation.</summary>
    public const decimal MinFactor = 1.2m;

    /// <summary>The warning in Bahasa Indonesia, or null when the value is plausible.</summary>
    public static string? Check(Indicator indicator, decimal value, decimal? target, decimal? previous, decimal? factor = null)
    {
        decimal f = factor ?? DefaultFactor;
        var reasons = new List<string>(2);
        if (value == 0m)
        {
            return null;
        }

        bool share = SatuanRules.Find(indicator.Satuan) is { WholeNumber: true };
        if (!share && Far(value, target, f))
        {
            reasons.Add($"{Times(value, target!.Value)} target triwulan ({IndonesianNumber.ToText(target.Value)} {indicator.Satuan})");
        }

        if (Far(value, previous, f))
        {
            reasons.Add($"{Times(value, previous!.Value)} realisasi triwulan sebelumnya ({IndonesianNumber.ToText(previous.Value)} {indicator.Satuan})");
        }

        return reasons.Count == 0
            ? null
            : $"Realisasi {IndonesianNumber.ToText(value)} {indicator.Satuan} jauh dari {string.Join(" dan ", reasons)}; pastikan tidak salah ketik atau salah satuan.";
    }

    private static bool Far(decimal value, decimal? reference, decimal factor) =>
        reference is > 0m and var r && (value > r * factor || value < r / factor);

    private static string Times(decimal value, decimal reference)
    {
        decimal ratio = value / reference;
        return ratio >= 1m
            ? $"{IndonesianNumber.ToText(Math.Round(ratio, 1, MidpointRounding.AwayFromZero))}×"
            : $"1/{IndonesianNumber.ToText(Math.Round(1m / Math.Max(ratio, 0.001m), 1, MidpointRounding.AwayFromZero))} dari";
    }
}
