using SakipServerless.Api.Dashboard;

namespace SakipServerless.Api.Runs;

/// <summary>
/// How late something is at the application clock's now (the dev clock included): whole wall-clock minutes since its
/// due time, and the same in words. Every answer that says "late by" uses this, so no page computes it from a clock
/// of its own and two pages never disagree about the same item.
/// </summary>
public readonly record struct Lateness(long Minutes, string Label)
{
    /// <summary>The lateness when <paramref name="late"/>, else null.</summary>
    public static Lateness? Of(DateTimeOffset? due, DateTimeOffset now, bool late) =>
        late && due is { } d ? Since(d, now) : null;

    public static Lateness Since(DateTimeOffset due, DateTimeOffset now)
    {
        long minutes = Math.Max(0, (long)Math.Floor((now - due).TotalMinutes));
        return new(minutes, DurationText.Of(minutes));
    }
}
