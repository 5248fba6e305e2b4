namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>One fault to inject, with what its kind needs: the retry-after of a throttle, the bytes let through before a cut.</summary>
public sealed record Fault(FaultKind Kind, TimeSpan RetryAfter = default, long CutAfterBytes = 0)
{
    public static Fault Throttle(int retryAfterMs = 5) => new(FaultKind.Throttle, TimeSpan.FromMilliseconds(retryAfterMs));

    public static Fault Unavailable { get; } = new(FaultKind.Unavailable);

    public static Fault Hang { get; } = new(FaultKind.Hang);

    public static Fault ResetBeforeServer { get; } = new(FaultKind.ResetBeforeServer);

    public static Fault ResetAfterServer { get; } = new(FaultKind.ResetAfterServer);

    public static Fault CutBodyAfter(long bytes) => new(FaultKind.CutBody, CutAfterBytes: bytes);

    public override string ToString() => Kind switch
    {
        FaultKind.Throttle => $"429 (retry after {RetryAfter.TotalMilliseconds} ms)",
        FaultKind.CutBody => $"body cut after {CutAfterBytes} bytes",
        _ => Kind.ToString(),
    };
}
