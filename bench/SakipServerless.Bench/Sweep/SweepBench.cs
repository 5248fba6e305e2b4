using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Bench.Seeding;
using SakipServerless.Bench.Transitions;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Bench.Sweep;

/// <summary>
/// Item 2: one deadline sweep over databases of 10k, 100k and 1M active runs of which 1,000 are due, with the app's
/// own <see cref="DeadlineSweep"/> (default batch of 500, so a sweep is passes until one finds nothing), median of five. Beside it:
/// the due-index read alone, the same question asked without the index (a full scan), and 1,000 one-row commits of a
/// run document's size.
/// </summary>
public static class SweepBench
{
    private const int Due = 1_000;

    public static async Task RunAsync(string folder, Report report, IReadOnlyList<int> sizes)
    {
        Console.WriteLine("2. Deadline sweep");
        string database = Path.Combine(folder, "sweep.db");
        await using var backend = new InProcessBackend(database);
        var world = new BenchWorld(backend.Get<IDocumentStore>(), backend.Get<IRunStore>(), backend.Get<TemplateCatalog>());
        await world.SeedMasterDataAsync(1);

        // Runs waiting on a deadline still ahead, and runs whose first step was due (and its grace ended) weeks ago.
        var head = Actor.Create("kepala", "Kepala", WellKnownRoles.HeadOfOpd);
        var now = new RunContextFactory(TimeProvider.System).For(world.Template, world.Calendar);
        var waiting = SopRun.Start("run-model", BenchWorld.Tenant, "opd-model", new Period(2026, 4), [.. BenchWorld.Units.Select(u => new OrgUnit(u, u))], head, now);
        var past = new RunContext(world.Template, world.Calendar, EscalationPolicy.Default, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero)); // Monday 09:00 WITA
        var due = SopRun.Start("run-model", BenchWorld.Tenant, "opd-model", new Period(2026, 4), [.. BenchWorld.Units.Select(u => new OrgUnit(u, u))], head, past);
        waiting.DrainOutbox();
        due.DrainOutbox();
        string waitingJson = RunRows.Pattern(waiting), dueJson = RunRows.Pattern(due);
        report.Note($"Sweep rows: run documents of {Format.Count(waitingJson.Length)} bytes; every due run has its first step past its deadline and its grace, so the sweep applies levels 1 and 2 in one guarded save.");

        // Warm-up on 200 extra due runs (numbered past every size), so JIT and caches are not in the first figure.
        RunRows.Insert(database, dueJson, due, 90_000_000, 200);
        while (await backend.Get<DeadlineSweep>().RunOnceAsync() > 0)
        {
        }

        int existing = 0;
        var times = new Dictionary<int, double>();
        double reference1000 = 1000 / SqliteReference.CommitRateWithPayload(Path.Combine(folder, "raw-sweep.db"), TimeSpan.FromSeconds(2), waitingJson.Length) * 1000;
        int extra = 91_000_000;
        foreach (int size in sizes)
        {
            var seed = Stopwatch.StartNew();
            RunRows.Insert(database, waitingJson, waiting, existing, size - existing);
            existing = size;
            Console.WriteLine($"  {Format.Count(size)} runs written in {seed.Elapsed.TotalSeconds:0.0} s ({Format.Mb(new FileInfo(database).Length / 1024.0 / 1024.0)})");

            // Five sweeps per size, each over 1,000 freshly due runs (the table holds size + 5,000 runs at most); the median counts,
            // because the machine is shared and a single figure can be another process's burst.
            var sweeps = new List<(double Ms, int Found, double IndexMs, int Escalations, int Passes)>();
            for (int repetition = 0; repetition < 5; repetition++)
            {
                RunRows.Insert(database, dueJson, due, extra, Due);
                extra += Due;
                SyncToDisk(database);
                var index = Stopwatch.StartNew();
                int dueNow = (await backend.Get<IRunStore>().FindDueAsync(DateTimeOffset.UtcNow, Due)).Count;
                double indexRead = index.Elapsed.TotalMilliseconds;

                var sweep = backend.Get<DeadlineSweep>();
                int applied = 0, pass = 0;
                var watch = Stopwatch.StartNew();
                while (true)
                {
                    pass++;
                    int n = await sweep.RunOnceAsync();
                    applied += n;
                    if (n == 0)
                    {
                        break;
                    }
                }

                sweeps.Add((watch.Elapsed.TotalMilliseconds, dueNow, indexRead, applied, pass));
            }

            double scanMs = FullScanMs(database);
            var median = sweeps.OrderBy(s => s.Ms).ElementAt(2);
            double ms = median.Ms;
            int found = median.Found, escalations = median.Escalations, passes = median.Passes;
            double indexMs = median.IndexMs;
            Console.WriteLine($"  sweeps: {string.Join(", ", sweeps.Select(s => Format.Ms(s.Ms)))}");
            times[size] = ms;
            bool? met = size >= 1_000_000 ? ms < 1000 : null;
            report.Add(new ResultRow("2", $"sweep of {Format.Count(size)} active runs, {Format.Count(found)} due ({Format.Count(escalations)} escalations, {passes} passes; median of 5)",
                Format.Ms(ms), size >= 1_000_000 ? "< 1 s" : "",
                $"due-index read {Format.Ms(indexMs)}; the same question without the index (full scan) {Format.Ms(scanMs)}; 1,000 one-row commits of a run-sized row {Format.Ms(reference1000)}",
                met));
        }

        if (sizes.Count >= 2)
        {
            double ratio = times[sizes[^1]] / times[sizes[0]];
            report.Add(new ResultRow("2", $"sweep({Format.Count(sizes[^1])}) / sweep({Format.Count(sizes[0])})", Format.Ratio(ratio), "≤ 1.5",
                $"runs grew {sizes[^1] / sizes[0]}×", sizes[^1] >= 1_000_000 && sizes[0] <= 10_000 ? ratio <= 1.5 : null));
        }
    }

    /// <summary>
    /// Puts the seeded pages on disk before a sweep is timed: bulk seeding writes without syncing, and the sweep's first
    /// checkpoint would otherwise pay for gigabytes of the seed's write-back (a database in service has none pending).
    /// </summary>
    private static void SyncToDisk(string database)
    {
        using var file = new FileStream(database, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    private static double FullScanMs(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM runs NOT INDEXED WHERE next_deadline IS NOT NULL AND next_deadline <= $now";
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var watch = Stopwatch.StartNew();
        command.ExecuteScalar();
        return watch.Elapsed.TotalMilliseconds;
    }
}
