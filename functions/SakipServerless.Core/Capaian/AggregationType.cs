namespace SakipServerless.Core.Capaian;

/// <summary>How an indicator's quarterly values add up to a semester or a year.</summary>
public enum AggregationType
{
    /// <summary>Quarters are summed (e.g. number of incidents over the year).</summary>
    Kumulatif,

    /// <summary>The latest quarter with a value stands for the period (e.g. a ratio or a level).</summary>
    NonKumulatif,

    /// <summary>The quarters with a value are averaged (e.g. attendance rate).</summary>
    RataRata,
}
