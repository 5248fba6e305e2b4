namespace SakipServerless.Bench.Measuring;

/// <summary>Latency samples in milliseconds and their nearest-rank percentiles.</summary>
public sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> samples)
    {
        _sorted = samples.Order().ToArray();
    }

    public int Count => _sorted.Length;

    public double P50 => At(0.50);

    public double P99 => At(0.99);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double At(double quantile)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(quantile * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
