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
    public static async Task<(double PerSecond, int Transitions)> MeasureAsync(string databasePath, int opds)
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

        async Task DriveAsync((string Opd, string Id) run)
        {
            foreach (var command in BenchScript.Commands)
            {
                var stored = (await store.FindAsync(BenchWorld.Tenant, run.Id))!;
                var template = await catalog.GetAsync(stored.TenantId, stored.TemplateId, stored.TemplateVersion);
                var ctx = contexts.For(template, await calendars.CalendarAsync(stored.TenantId));
                int version = stored.Version;
                command.Apply(stored, command.ActorOf(run.Opd), ctx);
                await store.SaveAsync(stored, version);
            }
        }

        int warmUp = Math.Min(10, runs.Count / 4);
        foreach (var run in runs.Take(warmUp))
        {
            await DriveAsync(run);
        }

        var watch = Stopwatch.StartNew();
        foreach (var run in runs.Skip(warmUp))
        {
            await DriveAsync(run);
        }

        int transitions = (runs.Count - warmUp) * BenchScript.Commands.Count;
        return (transitions / watch.Elapsed.TotalSeconds, transitions);
    }
}
