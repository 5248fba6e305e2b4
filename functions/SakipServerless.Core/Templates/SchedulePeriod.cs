namespace SakipServerless.Core.Templates;

/// <summary>Which reporting period a scheduled start serves: the one that just ended, or the one that begins.</summary>
public enum SchedulePeriod
{
    /// <summary>The period before the start (April starts triwulan I's data collection).</summary>
    Previous,

    /// <summary>The period the start falls in (April starts triwulan II).</summary>
    Current,
}
