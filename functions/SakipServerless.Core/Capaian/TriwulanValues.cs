namespace SakipServerless.Core.Capaian;

/// <summary>One indicator's quarterly values (targets or realisasi) for a year; null marks a quarter without data, not a 0.</summary>
public sealed record TriwulanValues(int Year, decimal? Q1, decimal? Q2, decimal? Q3, decimal? Q4)
{
    /// <summary>The value of triwulan <paramref name="triwulan"/> (1–4), or null when it has none.</summary>
    public decimal? this[int triwulan] => triwulan switch
    {
        1 => Q1,
        2 => Q2,
        3 => Q3,
        4 => Q4,
        _ => throw new ArgumentOutOfRangeException(nameof(triwulan), triwulan, "A triwulan is 1 to 4."),
    };
}
