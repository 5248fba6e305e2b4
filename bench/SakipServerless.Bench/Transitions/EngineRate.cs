using System.Diagnostics;
using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Seeding;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Bench.Transitions;

/// <summary>
/// The engine's in-process transition rate on one thread: load the run, let the aggregate decide, save with the
/// version guard (state, history, outbox, submission rows and due key in one transaction) — what a request does
/// after authentication and before serialising the answer.
/// </summary>
public static class EngineRate
{
    /// <summary>Transitions per second, how many were timed, and the share of load / decide / save in the time.</summary>
    public static async Task<(double PerSecond, int Transitions, string Split)> MeasureAsync(string databasePath, int opds)
    {
        await using var backend = new InProcessBackend(databasePath);
        var world = new BenchWorld(backend.Get<IDocumentStore>(), backend.Get<IRunStore>(), backend.Get<TemplateCatalog>());
        await world.SeedMasterDataAsync(opds);
        var runs = new List<(string Opd, string Id)>();
        for (int n = 1; n <= opds; n++)
        {
            runs.AddRange((await world.StartRunsAsync(BenchWorld.Opd(n), BenchWorld.Periods)).Select(id => (BenchWorld.Opd(n), id)));
        }

        var store = backend.Get<IRunStore>();
        var catalog = backend.Get<TemplateCatalog>();
        var calendars = backend.Get<TenantCalendars>();
        var contexts = backend.Get<RunContextFactory>();

        long load = 0, decide = 0, save = 0;
        async Task DriveAsync((string Opd, string Id) run)
        {
            foreach (var command in BenchScript.Commands)
            {
                long t0 = Stopwatch.GetTimestamp();
                var stored = (await store.FindAsync(BenchWorld.Tenant, run.Id))!;
                var template = await catalog.GetAsync(stored.TenantId, stored.TemplateId, stored.TemplateVersion);
                var ctx = contexts.For(template, await calendars.CalendarAsync(stored.TenantId));
                long t1 = Stopwatch.GetTimestamp();
                int version = stored.Version;
                command.Apply(stored, command.ActorOf(run.Opd), ctx);
                long t2 = Stopwatch.GetTimestamp();
                await store.SaveAsync(stored, version);
                long t3 = Stopwatch.GetTimestamp();
                load += t1 - t0;
                decide += t2 - t1;
                save += t3 - t2;
            }
        }

        // Long enough for tiered compilation to reach its optimised code (a server runs for weeks): at least 40 runs
        // and 3 s, since on a loaded machine the background JIT needs seconds, not a number of calls. At most the
        // runs beyond the 200 that are timed.
        int timed = Math.Min(200, runs.Count / 2);
        int warmUp = 0;
        var warming = Stopwatch.StartNew();
        while (warmUp < runs.Count - timed && (warmUp < 40 || warming.Elapsed < TimeSpan.FromSeconds(3)))
        {
            await DriveAsync(runs[warmUp++]);
        }

        load = decide = save = 0;
        var watch = Stopwatch.StartNew();
        foreach (var run in runs.Skip(warmUp).Take(timed))
        {
            await DriveAsync(run);
        }

        int transitions = timed * BenchScript.Commands.Count;
        double total = load + decide + save;
        return (transitions / watch.Elapsed.TotalSeconds, transitions,
            $"load {load / total:P0}, decide {decide / total:P0}, save {save / total:P0}");
    }
}
