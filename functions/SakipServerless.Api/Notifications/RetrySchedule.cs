namespace SakipServerless.Api.Notifications;

/// <summary>
/// Exponential backoff: the base delay after the first failure, doubled after each further one, capped.
/// </summary>
/// <remarks>
/// No jitter: each delivery stores its own next attempt time and one dispatcher sends them one after another, so retries
/// never arrive at the gateway as a concurrent burst, and fixed delays keep the schedule testable.
/// </remarks>
public sealed record RetrySchedule(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait after <paramref name="failedAttempts"/> failures (1 or more).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        double factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 40));
        return TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
    }
}
