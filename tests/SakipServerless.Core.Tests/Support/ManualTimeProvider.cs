namespace SakipServerless.Core.Tests.Support;

/// <summary>A clock the test moves by hand, so deadlines fire exactly when the test says.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;

    public void SetTo(DateTimeOffset at)
    {
        if (at < _now)
        {
            throw new InvalidOperationException($"Time only moves forward: {at:O} is before {_now:O}.");
        }

        _now = at;
    }
}
