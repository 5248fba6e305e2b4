namespace SakipServerless.Core.Capaian;

/// <summary>An indikator kinerja: what is measured, in which satuan, which direction is better and how quarters add up.</summary>
public sealed record Indicator
{
    /// <param name="min">Lowest valid realisasi; null means 0, since a count or a share is never negative.</param>
    /// <param name="max">Highest valid realisasi; null means the satuan's bound (100 for %), or none.</param>
    public Indicator(
        string id,
        string name,
        string satuan,
        Polarity polarity,
        AggregationType aggregation,
        string? sasaran = null,
        decimal? min = null,
        decimal? max = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(satuan);
        if (!Enum.IsDefined(polarity))
        {
            throw new ArgumentOutOfRangeException(nameof(polarity), polarity, "Unknown polarity.");
        }

        if (!Enum.IsDefined(aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation type.");
        }

        // Trimmed once here because the satuan is matched against the rule table and quoted in messages.
        Id = id.Trim();
        Name = name.Trim();
        Satuan = satuan.Trim();
        Polarity = polarity;
        Aggregation = aggregation;
        Sasaran = sasaran;
        Min = min;
        Max = max;

        // Checked on the effective range so that e.g. min 150 on a "%" indicator without its own max is caught
        // here, when the indicator is configured, not later as a realisasi nobody can enter.
        if (RealisasiMin > RealisasiMax)
        {
            throw new ArgumentException(
                $"Rentang realisasi indikator '{Name}' tidak valid: batas bawah {IndonesianNumber.ToText(RealisasiMin)} melebihi batas atas {IndonesianNumber.ToText(RealisasiMax!.Value)}.",
                nameof(min));
        }
    }

    public string Id { get; }

    public string Name { get; }

    public string Satuan { get; }

    public Polarity Polarity { get; }

    public AggregationType Aggregation { get; }

    public string? Sasaran { get; }

    /// <summary>The configured lower bound of realisasi, if any.</summary>
    public decimal? Min { get; }

    /// <summary>The configured upper bound of realisasi, if any.</summary>
    public decimal? Max { get; }

    /// <summary>The lower bound actually applied: <see cref="Min"/>, else 0.</summary>
    public decimal RealisasiMin => Min ?? 0m;

    /// <summary>The upper bound actually applied: <see cref="Max"/>, else the satuan's bound, else none.</summary>
    public decimal? RealisasiMax => Max ?? SatuanRules.Find(Satuan)?.Max;

    /// <summary>Checks a submitted realisasi; returns the reason in Bahasa Indonesia, or null when it is valid.</summary>
    public string? ValidateRealisasi(decimal value)
    {
        decimal min = RealisasiMin;
        decimal? max = RealisasiMax;
        if (value < min || value > max)
        {
            if (max is { } upper)
            {
                return $"Realisasi harus antara {IndonesianNumber.ToText(min)} dan {IndonesianNumber.ToText(upper)} {Satuan}.";
            }

            return min == 0m
                ? "Realisasi tidak boleh bernilai negatif."
                : $"Realisasi tidak boleh kurang dari {IndonesianNumber.ToText(min)} {Satuan}.";
        }

        if (SatuanRules.Find(Satuan) is { WholeNumber: true } && value != decimal.Truncate(value))
        {
            return $"Realisasi dengan satuan {Satuan} harus berupa bilangan bulat.";
        }

        return null;
    }
}
