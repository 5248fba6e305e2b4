using SakipServerless.Bench.Measuring;

namespace SakipServerless.Bench.Transitions;

/// <summary>What a load level produced: successful and failed requests, wall time, and the latency of each request.</summary>
public sealed record LoadResult(int Ok, int Failed, TimeSpan Wall, Percentiles Latency, string? FirstFailure)
{
    public double Rate => Ok / Wall.TotalSeconds;
}
