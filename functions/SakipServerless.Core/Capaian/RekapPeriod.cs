using SakipServerless.Core.Periods;

namespace SakipServerless.Core.Capaian;

/// <summary>A reporting period of one year: a triwulan, a semester or the year, with its Indonesian label.</summary>
public sealed record RekapPeriod
{
    private static readonly string[] Numerals = ["I", "II", "III", "IV"];

    /// <param name="index">1–4 for a triwulan, 1–2 for a semester, 1 for tahunan.</param>
    public RekapPeriod(int year, PeriodKind kind, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        int count = kind switch
        {
            PeriodKind.Triwulan => 4,
            PeriodKind.Semester => 2,
            PeriodKind.Tahunan => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
        };
        if (index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A {kind} period has index 1 to {count}.");
        }

        Year = year;
        Kind = kind;
        Index = index;
    }

    public int Year { get; }

    public PeriodKind Kind { get; }

    public int Index { get; }

    /// <summary>The triwulan (1–4) the period covers, in order.</summary>
    public IReadOnlyList<int> Triwulans => Kind switch
    {
        PeriodKind.Triwulan => [Index],
        PeriodKind.Semester => [(2 * Index) - 1, 2 * Index],
        _ => [1, 2, 3, 4],
    };

    /// <summary>E.g. "Triwulan I 2026", "Semester II 2026", "Tahunan 2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Triwulan => $"Triwulan {Roman(Index)} {Year}",
        PeriodKind.Semester => $"Semester {Roman(Index)} {Year}",
        _ => $"Tahunan {Year}",
    };

    /// <summary>1 → I … 4 → IV, as triwulan and semester are numbered in pemda reports.</summary>
    public static string Roman(int index) => Numerals[index - 1];

    public static RekapPeriod Triwulan(int year, int index) => new(year, PeriodKind.Triwulan, index);

    public static RekapPeriod Semester(int year, int index) => new(year, PeriodKind.Semester, index);

    public static RekapPeriod Tahunan(int year) => new(year, PeriodKind.Tahunan, 1);

    public override string ToString() => Label;
}
