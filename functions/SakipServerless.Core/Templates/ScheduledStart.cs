using SakipServerless.Core.Periods;

namespace SakipServerless.Core.Templates;

/// <summary>One occurrence of a <see cref="StartSchedule"/>: the period it serves, the day the SOP names, and when it actually starts.</summary>
/// <param name="NominalDate">The day as written (10 October), before the working-time shift.</param>
/// <param name="StartsAt">The start moment in the calendar's zone: the next office opening at or after the nominal date and time.</param>
public readonly record struct ScheduledStart(Period Period, DateOnly NominalDate, DateTimeOffset StartsAt)
{
    /// <summary>Whether the weekend, a holiday or office hours moved the start off the nominal day.</summary>
    public bool IsShifted => DateOnly.FromDateTime(StartsAt.DateTime) != NominalDate;
}
