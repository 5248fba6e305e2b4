using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Dashboard.Bench;

namespace SakipServerless.Bench.Overview;

/// <summary>
/// Item 4: the leadership overview's server time, <c>GET /api/dashboard/overview</c>, for the dashboard engineer's data
/// set (<see cref="BenchData"/>: 50 OPDs × 4 quarters × 30 indicators, three units each), measured on the backend
/// process over loopback. Beside it: the HTTP floor (GET /api/health) and reading the same runs' documents from SQLite
/// with and without parsing them — the read model is computed per request from those documents.
/// </summary>
public static class OverviewBench
{
    public static async Task RunAsync(string folder, Report report, bool quick)
    {
        Console.WriteLine("4. Dashboard overview");
        int opds = quick ? 10 : 50, rounds = quick ? 5 : 30;
        string work = Path.Combine(folder, "overview");
        Directory.CreateDirectory(work);
        string database = Path.Combine(work, "sakip.db");
        int runs;
        await using (var seeding = new InProcessBackend(database))
        {
            var data = new BenchData(seeding.Get<IDocumentStore>(), seeding.Get<IRunStore>(), seeding.Get<TemplateCatalog>(), Path.Combine(AppContext.BaseDirectory, "seed", "sop"));
            runs = await data.SeedAsync(opds, 30, 3, DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow);
        }

        await using var backend = await BackendProcess.StartAsync("Testing", new Dictionary<string, string>
        {
            ["Sakip__Storage__SqlitePath"] = database,
            ["Sakip__Development__EnableDevSignIn"] = "true",
            ["Sakip__RateLimits__Enabled"] = "false",
        });
        backend.Http.DefaultRequestHeaders.Authorization = new("Bearer", await backend.TokenAsync(BenchData.TenantId, "sekda"));
        long bytes = 0;
        var overview = await Timing.WarmThenTimeAsync(rounds, async () => bytes = (await (await backend.Http.GetAsync("api/dashboard/overview")).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()).Length);
        var health = await Timing.WarmThenTimeAsync(rounds, async () => (await backend.Http.GetAsync("api/health")).EnsureSuccessStatusCode());
        var (read, parse) = ReadRuns(database, rounds);

        report.Add(new ResultRow("4", $"GET /api/dashboard/overview, {opds} OPDs × 4 quarters × 30 indicators ({runs} runs, {bytes / 1024} KB answer)",
            $"p50 {Format.Ms(overview.P50)}, p95 {Format.Ms(overview.At(0.95))}", "p50 < 100 ms",
            $"GET /api/health p50 {Format.Ms(health.P50)}; reading the {runs} runs (state documents and history rows) from SQLite {Format.Ms(read)}, and parsing them {Format.Ms(parse)}",
            opds >= 50 ? overview.P50 < 100 : null));
    }

    /// <summary>Median time to read the tenant's run documents, and to read and deserialise them.</summary>
    private static (double Read, double Parse) ReadRuns(string database, int rounds)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var read = new List<double>();
        var parse = new List<double>();
        for (int i = 0; i < rounds + 2; i++)
        {
            foreach (bool deserialize in new[] { false, true })
            {
                using var command = connection.CreateCommand();
                // The state documents, then their history rows (each run's events in order).
                command.CommandText = """
                    SELECT json, NULL FROM runs WHERE tenant_id = $t
                    UNION ALL
                    SELECT NULL, e.json FROM run_events e JOIN runs r ON r.id = e.run_id WHERE r.tenant_id = $t
                    """;
                command.Parameters.AddWithValue("$t", BenchData.TenantId);
                var watch = Stopwatch.StartNew();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    string json = reader.IsDBNull(0) ? reader.GetString(1) : reader.GetString(0);
                    if (deserialize)
                    {
                        _ = reader.IsDBNull(0) ? RunJson.DeserializeEvent(json) : (object)RunJson.DeserializeState(json, []);
                    }
                }

                (deserialize ? parse : read).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (new Percentiles(read.Skip(2)).P50, new Percentiles(parse.Skip(2)).P50);
    }
}
