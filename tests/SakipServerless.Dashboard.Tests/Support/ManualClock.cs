namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>A clock the tests set; shared by the backend and the dashboard so due times and countdowns agree.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
