namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>
/// The run's time from the orchestration's replay-safe clock: <c>run time = RunOrigin + (host time − HostOrigin) × Scale</c>.
/// </summary>
/// <remarks>
/// In production <see cref="Scale"/> is 1 and both origins are the same instant, so run time is
/// <c>context.CurrentUtcDateTime</c>. Tests pass a larger scale (and a run origin of their choosing) so that a
/// template's working-day deadlines pass in seconds on the test host, whose timers follow real time.
/// </remarks>
public sealed record RunClock(DateTimeOffset HostOrigin, DateTimeOffset RunOrigin, double Scale = 1)
{
    public DateTimeOffset RunTime(DateTime hostUtc)
    {
        var elapsed = new DateTimeOffset(DateTime.SpecifyKind(hostUtc, DateTimeKind.Utc)) - HostOrigin;
        return RunOrigin + TimeSpan.FromTicks(checked((long)(elapsed.Ticks * Scale)));
    }

    /// <summary>
    /// The clock after the application's clock jumped ahead to <paramref name="runTime"/> at host instant
    /// <paramref name="hostUtc"/> (the development clock): run time goes on from there at the same scale. Run time
    /// never goes back, so a time not ahead of the run's own leaves the clock as it is.
    /// </summary>
    public RunClock MovedTo(DateTimeOffset runTime, DateTime hostUtc) =>
        runTime <= RunTime(hostUtc) ? this : new RunClock(new DateTimeOffset(DateTime.SpecifyKind(hostUtc, DateTimeKind.Utc)), runTime, Scale);

    /// <summary>The host instant at which run time reaches <paramref name="runTime"/>, rounded up so a timer never fires early.</summary>
    public DateTime HostTime(DateTimeOffset runTime)
    {
        long ticks = (long)Math.Ceiling((runTime - RunOrigin).Ticks / Scale);
        return (HostOrigin + TimeSpan.FromTicks(ticks)).UtcDateTime;
    }
}
