using System.Diagnostics;

namespace SakipServerless.Bench.Measuring;

/// <summary>Timing of a repeated server call, measured once the JIT has settled.</summary>
public static class Timing
{
    /// <summary>Warm-up until tiered compilation has settled (a server answers this page all day), then <paramref name="rounds"/> timed calls.</summary>
    public static async Task<Percentiles> WarmThenTimeAsync(int rounds, Func<Task> action)
    {
        for (int i = 0; i < 30; i++)
        {
            await action();
        }

        await Task.Delay(500); // let the background tier-1 compilations finish
        var times = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Percentiles(times);
    }
}
