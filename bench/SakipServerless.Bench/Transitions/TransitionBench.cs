using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Bench.Seeding;
using SakipServerless.Core.Storage;

namespace SakipServerless.Bench.Transitions;

/// <summary>
/// Item 1: transitions through the HTTP API at 1, 16 and 64 clients, the engine's in-process rate, and beside them
/// the raw SQLite commit rate and the backend's own HTTP floor (GET /api/health) on this machine.
/// </summary>
public static class TransitionBench
{
    private static readonly int[] Levels = [1, 16, 64];

    /// <summary>The plan key of the second 64-client set, driven with minimal answers.</summary>
    private const int MinimalSet = 65;

    /// <summary>A whole run document (state and history as JSON) at the end of the script is about 12 KB; the store now writes a 5 KB state and one 250-byte row per event.</summary>
    private const int RunDocumentBytes = 12 * 1024;

    public static async Task RunAsync(string folder, Report report, bool quick)
    {
        Console.WriteLine("1. Transitions");
        var referenceTime = TimeSpan.FromSeconds(quick ? 1 : 3);
        double raw = SqliteReference.CommitRate(Path.Combine(folder, "raw.db"), referenceTime);
        double rawReopen = SqliteReference.CommitRateWithOpenPerTransaction(Path.Combine(folder, "raw-reopen.db"), referenceTime);
        double rawDocument = SqliteReference.CommitRateWithPayload(Path.Combine(folder, "raw-document.db"), referenceTime, RunDocumentBytes);
        var (engine, engineTransitions, split) = await EngineRate.MeasureAsync(Path.Combine(folder, "engine.db"), quick ? 1 : 12);

        // One OPD per client and level (forty periods each), so clients never contend on a run, as OPDs do not.
        int runsPerClient64 = quick ? 2 : 10;
        // Key 65 is a second set of 64 clients for the minimal-answer level (runs are used up by one level).
        var plan = new Dictionary<int, int> { [8] = quick ? 1 : 3, [1] = quick ? 10 : 40, [16] = quick ? 4 : 40, [64] = runsPerClient64, [MinimalSet] = runsPerClient64 };
        string database = Path.Combine(folder, "http.db");
        var workers = new Dictionary<int, List<WorkerPlan>>();
        await using (var seeding = new InProcessBackend(database))
        {
            var world = new BenchWorld(seeding.Get<IDocumentStore>(), seeding.Get<IRunStore>(), seeding.Get<TemplateCatalog>());
            int opds = plan.Keys.Sum();
            await world.SeedMasterDataAsync(opds);
            int next = 1;
            foreach (var (clients, runsEach) in plan)
            {
                var list = new List<WorkerPlan>();
                for (int c = 0; c < (clients == MinimalSet ? 64 : clients); c++)
                {
                    string opd = BenchWorld.Opd(next++);
                    var periods = BenchWorld.Periods.Take(runsEach).ToList();
                    var ids = await world.StartRunsAsync(opd, periods);
                    list.Add(new WorkerPlan([.. ids.Zip(periods, (id, p) => new PlannedRun(opd, id, p.Year))]));
                }

                workers[clients] = list;
            }
        }

        await using var backend = await BackendProcess.StartAsync("Testing", new Dictionary<string, string>
        {
            ["Sakip__Storage__SqlitePath"] = database,
            ["Sakip__Development__EnableDevSignIn"] = "true",
            ["Sakip__RateLimits__Enabled"] = "false",
        });
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in workers.Values.SelectMany(w => w).SelectMany(w => w.Runs).DistinctBy(r => r.Opd))
        {
            foreach (var user in BenchScript.Commands.Select(c => c.UserOf(run.Opd)).Distinct())
            {
                tokens[user] = await backend.TokenAsync(BenchWorld.Tenant, user);
            }
        }

        var warm = await HttpLoad.TransitionsAsync(backend.Http, tokens, workers[8]); // JIT, pools, page cache
        Console.WriteLine($"  warm-up: {warm.Ok} transitions, {warm.Failed} failed {warm.FirstFailure}");
        var results = new Dictionary<int, LoadResult>();
        foreach (int clients in Levels)
        {
            results[clients] = await HttpLoad.TransitionsAsync(backend.Http, tokens, workers[clients]);
            if (results[clients].Failed > 0)
            {
                report.Note($"{results[clients].Failed} transitions failed at {clients} clients; first: {results[clients].FirstFailure}");
            }
        }

        var minimalAnswers = await HttpLoad.TransitionsAsync(backend.Http, tokens, workers[MinimalSet], minimal: true);
        if (minimalAnswers.Failed > 0)
        {
            report.Note($"{minimalAnswers.Failed} transitions failed with minimal answers; first: {minimalAnswers.FirstFailure}");
        }

        var health = await HttpLoad.HealthAsync(backend.Http, 64, referenceTime);
        string healthRef = $"GET /api/health, 64 clients: {Format.Rate(health.Rate)}, p99 {Format.Ms(health.Latency.P99)}";
        foreach (int clients in Levels)
        {
            var r = results[clients];
            bool? met = clients == 64 ? r.Rate >= 1000 && r.Latency.P99 < 50 : null;
            report.Add(new ResultRow("1", $"transitions over HTTP, {clients} client{(clients == 1 ? "" : "s")} ({Format.Count(r.Ok)} transitions)",
                $"{Format.Rate(r.Rate)}; p50 {Format.Ms(r.Latency.P50)}, p99 {Format.Ms(r.Latency.P99)}",
                clients == 64 ? "≥ 1,000/s, p99 < 50 ms" : "", clients == 64 ? healthRef : "", met));
        }

        var m = minimalAnswers;
        report.Add(new ResultRow("1", $"transitions over HTTP, 64 clients, answers without history (`Prefer: return=minimal`; {Format.Count(m.Ok)} transitions)",
            $"{Format.Rate(m.Rate)}; p50 {Format.Ms(m.Latency.P50)}, p99 {Format.Ms(m.Latency.P99)}", "≥ 1,000/s, p99 < 50 ms", healthRef,
            m.Failed == 0 && m.Rate >= 1000 && m.Latency.P99 < 50));

        report.Add(new ResultRow("1", $"engine in-process, 1 thread: load, decide, guarded save ({Format.Count(engineTransitions)} transitions)",
            $"{Format.Rate(engine)} = {Format.Percent(engine / raw)} of the raw commit rate", "≥ 50 % of raw",
            $"one-row SQLite transaction, same pragmas: {Format.Rate(raw)} (a connection opened per transaction, as the store did before pooled sessions: {Format.Rate(rawReopen)})",
            engine / raw >= 0.5));
        report.Note($"Engine time per transition: {split}. A one-row transaction rewriting a 12 KB text column (the whole run document's size at the end of the script): {Format.Rate(rawDocument)}; the engine reaches {Format.Percent(engine / rawDocument)} of that.");
    }
}
