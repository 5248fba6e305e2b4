using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SakipServerless.Bench.Measuring;

namespace SakipServerless.Bench.Transitions;

/// <summary>
/// The load generator: N clients over loopback, each sending its runs' transitions one after another (a closed
/// loop: a client sends its next request when the previous answer has arrived), every request timed end to end.
/// </summary>
public static class HttpLoad
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <param name="minimal">Send <c>Prefer: return=minimal</c>: the answer is the run without its history, as a client that only needs the new state asks.</param>
    public static async Task<LoadResult> TransitionsAsync(HttpClient http, IReadOnlyDictionary<string, string> tokens, IReadOnlyList<WorkerPlan> workers,
        bool minimal = false)
    {
        var samples = new List<double>[workers.Count];
        int failed = 0;
        string? firstFailure = null;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = workers.Select((plan, i) => Task.Run(async () =>
        {
            var mine = new List<double>(plan.Runs.Count * BenchScript.Commands.Count);
            samples[i] = mine;
            await go.Task;
            foreach (var run in plan.Runs)
            {
                foreach (var command in BenchScript.Commands)
                {
                    long started = Stopwatch.GetTimestamp();
                    using var request = new HttpRequestMessage(HttpMethod.Post, command.Url(run.RunId))
                    {
                        Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(command.Body(run.Opd, run.Year))),
                    };
                    request.Content.Headers.ContentType = Json;
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[command.UserOf(run.Opd)]);
                    if (minimal)
                    {
                        request.Headers.Add("Prefer", "return=minimal");
                    }

                    using var response = await http.SendAsync(request);
                    string body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, $"{command.Kind} {run.RunId}: {(int)response.StatusCode} {body}", null);
                        break; // the rest of this run cannot follow
                    }

                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })).ToList();

        var watch = Stopwatch.StartNew();
        go.SetResult();
        await Task.WhenAll(tasks);
        watch.Stop();
        var all = samples.SelectMany(s => s).ToList();
        return new LoadResult(all.Count, failed, watch.Elapsed, new Percentiles(all), firstFailure);
    }

    /// <summary>GET /api/health from <paramref name="clients"/> clients for <paramref name="duration"/>: the HTTP floor of this backend on this machine.</summary>
    public static async Task<LoadResult> HealthAsync(HttpClient http, int clients, TimeSpan duration)
    {
        var samples = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var mine = new List<double>();
            samples[i] = mine;
            while (watch.Elapsed < duration)
            {
                long started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("api/health");
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        watch.Stop();
        var all = samples.SelectMany(s => s).ToList();
        return new LoadResult(all.Count, 0, watch.Elapsed, new Percentiles(all), null);
    }
}
