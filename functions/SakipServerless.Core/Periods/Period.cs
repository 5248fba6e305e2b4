using System.Text.Json.Serialization;

namespace SakipServerless.Core.Periods;

/// <summary>
/// The length of a reporting period (triwulan, semester, tahunan). A run's quarter also selects the report it closes:
/// Q1/Q3 a triwulan report, Q2 the semester too, Q4 the year too.
/// </summary>
public enum PeriodKind
{
    Triwulan,
    Semester,
    Tahunan,
}

/// <summary>The reporting period of a run: a year and a quarter (triwulan I–IV).</summary>
public readonly record struct Period
{
    [JsonConstructor]
    public Period(int year, int quarter)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Tahun periode harus antara 2000 dan 2100.");
        }

        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "Triwulan harus 1 sampai 4.");
        }

        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }

    public int Quarter { get; }

    /// <summary>The kind of report this run closes; it selects period-dependent step durations.</summary>
    [JsonIgnore]
    public PeriodKind Kind => Quarter switch
    {
        4 => PeriodKind.Tahunan,
        2 => PeriodKind.Semester,
        _ => PeriodKind.Triwulan,
    };

    [JsonIgnore]
    public bool IsSemesterEnd => Quarter is 2 or 4;

    [JsonIgnore]
    public bool IsYearEnd => Quarter == 4;

    /// <summary>Stable key, e.g. <c>2026-Q1</c>, used in ids and URLs.</summary>
    [JsonIgnore]
    public string Key => $"{Year}-Q{Quarter}";

    /// <summary>Indonesian label, e.g. "Triwulan I 2026".</summary>
    [JsonIgnore]
    public string Label => $"Triwulan {Roman(Quarter)} {Year}";

    public static Period Parse(string key) =>
        TryParse(key, out var p) ? p : throw new FormatException($"Periode '{key}' tidak dikenali; gunakan format 2026-Q1.");

    public static bool TryParse(string? key, out Period period)
    {
        period = default;
        if (key is null || key.Length != 7 || key[4] != '-' || (key[5] != 'Q' && key[5] != 'q')
            || !int.TryParse(key.AsSpan(0, 4), out int year) || key[6] is < '1' or > '4' || year is < 2000 or > 2100)
        {
            return false;
        }

        period = new Period(year, key[6] - '0');
        return true;
    }

    public override string ToString() => Key;

    private static string Roman(int q) => q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
