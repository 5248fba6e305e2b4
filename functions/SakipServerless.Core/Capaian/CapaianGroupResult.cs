namespace SakipServerless.Core.Capaian;

/// <summary>The average capaian of a group of indicators (a sasaran, an OPD) and how many indicators it left out.</summary>
/// <param name="Capaian">The average of the computable indicators' capped capaian, with its predikat.</param>
/// <param name="IncludedCount">Indicators whose capaian entered the average.</param>
/// <param name="ExcludedCount">Indicators left out because their capaian cannot be computed.</param>
public sealed record CapaianGroupResult(CapaianResult Capaian, int IncludedCount, int ExcludedCount)
{
    public int TotalCount => IncludedCount + ExcludedCount;
}
