namespace SakipServerless.Api.Clock;

/// <summary>
/// The application's <see cref="TimeProvider"/>: the system clock plus an offset that only the development clock
/// endpoint can move (to show escalations without waiting). In production the offset stays zero.
/// </summary>
public sealed class AppClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>Moves the clock forward only: deadlines already passed stay passed.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Jam hanya dapat dimajukan.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
