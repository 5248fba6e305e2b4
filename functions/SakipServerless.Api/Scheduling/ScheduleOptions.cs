using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Api.Scheduling;

/// <summary><c>Sakip:Schedule</c>: the in-process timer that starts scheduled runs (<see cref="ScheduledRunStarter"/>).</summary>
public sealed class ScheduleOptions
{
    /// <summary>Off where another timer (the Functions timer trigger) calls the starter; tests call it themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between passes; a start is due by the minute at most, so a minute is plenty.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 60;
}
