namespace SakipServerless.Core.Capaian;

/// <summary>The length of a reporting period.</summary>
public enum PeriodKind
{
    /// <summary>A quarter (I–IV).</summary>
    Triwulan,

    /// <summary>A half-year (I = triwulan I+II, II = triwulan III+IV).</summary>
    Semester,

    /// <summary>The whole year.</summary>
    Tahunan,
}
