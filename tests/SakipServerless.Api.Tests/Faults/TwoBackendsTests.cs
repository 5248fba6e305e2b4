using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Tests.Faults.Replay;
using SakipServerless.Api.Tests.Faults.Support;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Runs;
using Xunit.Abstractions;

namespace SakipServerless.Api.Tests.Faults;

/// <summary>
/// Two complete backends (each its own host, connection pool and sweep) on one database file, sweeping in tight loops
/// while people's commands go to either of them and the clock runs through two and a half working days.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class TwoBackendsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Opds = 8;
    private const int ClockRounds = 80;
    private static readonly TimeSpan Round = TimeSpan.FromMinutes(45);

    private readonly ApiFactory _a = new();
    private ApiFactory _b = null!;

    public async Task InitializeAsync()
    {
        _b = new ApiFactory(_a.DatabasePath, _a.Clock);
        await FaultWorld.SeedAsync(_a.Services.GetRequiredService<Core.Storage.IDocumentStore>(), Opds);
        _ = _b.Server;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task SweepingAndTransitioningConcurrently_NeverEscalatesTwice_AndLosesNoUpdate()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = budget.Token;
        var clients = new SignedInClients();
        var backends = new[] { _a, _b };
        string[] units = TestWorld.Units.Select(u => u.Id).ToArray();

        // Sixteen runs brought to their collect step: three unit tasks each, due one working day later.
        var runs = new List<(string Opd, string Id)>();
        for (int n = 1; n <= Opds; n++)
        {
            string opd = FaultWorld.Opd(n);
            foreach (string period in new[] { "2026-Q1", "2026-Q2" })
            {
                var started = await clients.SendAsync(backends[n % 2], $"{opd}-kepala", "/api/runs", new { opdId = opd, period }, $"{opd}:{period}:start", ct);
                string id = started.GetProperty("id").GetString()!;
                var script = RunScript.For(opd);
                for (int i = 1; i <= 2; i++)
                {
                    await clients.SendAsync(backends[i % 2], script[i].UserId, script[i].Url(id), script[i].Body(period), $"{id}:{i}", ct);
                }

                runs.Add((opd, id));
            }
        }

        int round = 0, applied = 0, passes = 0;
        bool stop = false;
        var sweepers = backends.Select(b => b.Services.GetRequiredService<DeadlineSweep>()).Select(sweep => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                Interlocked.Add(ref applied, await sweep.RunOnceAsync(ct));
                Interlocked.Increment(ref passes);
                await Task.Yield();
            }
        }, ct)).ToList();

        // People: the first unit submits early and is accepted; the second submits once it is already late; the third
        // never does. Each command goes to one backend, its acceptance to the other.
        var acknowledged = new List<(string RunId, RunEventType Type, string Unit)>();
        var people = runs.Select((run, index) => Task.Run(async () =>
        {
            var mine = new List<(string, RunEventType, string)>();
            var script = RunScript.For(run.Opd);
            async Task ActAsync(int command, string unit, RunEventType type, int at)
            {
                while (Volatile.Read(ref round) < at)
                {
                    await Task.Delay(2, ct);
                }

                var s = script[command];
                await clients.SendAsync(backends[(index + command) % 2], s.UserId, s.Url(run.Id), s.Body(""), $"{run.Id}:{command}", ct);
                mine.Add((run.Id, type, unit));
            }

            await ActAsync(3, units[0], RunEventType.UnitTaskSubmitted, index % 6);
            await ActAsync(8, units[0], RunEventType.UnitTaskAccepted, index % 6 + 2);
            await ActAsync(4, units[1], RunEventType.UnitTaskSubmitted, 40 + index % 10);
            await ActAsync(9, units[1], RunEventType.UnitTaskAccepted, 42 + index % 10);
            lock (acknowledged)
            {
                acknowledged.AddRange(mine);
            }
        }, ct)).ToList();

        for (round = 1; round <= ClockRounds; Interlocked.Increment(ref round))
        {
            _a.Clock.Advance(Round);
            await Task.Delay(15, ct);
        }

        await Task.WhenAll(people).WaitAsync(ct);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(sweepers).WaitAsync(ct);
        foreach (var backend in backends)
        {
            Interlocked.Add(ref applied, await backend.Services.GetRequiredService<DeadlineSweep>().RunOnceAsync(ct));
        }

        var audit = StoreAudit.Read(_a.DatabasePath, FaultWorld.TemplateFor);
        var stored = runs.Select(r => audit.Runs[r.Id]).ToList();
        var escalations = stored.SelectMany(r => r.History).Where(e => e.EscalationLevel is not null).ToList();
        output.WriteLine($"{passes} sweep passes on two backends, {applied} escalations applied, {escalations.Count} recorded, {acknowledged.Count} commands acknowledged.");

        Assert.Empty(audit.Problems);

        // No double escalation: what the sweepers report applying is exactly what is recorded, once per task and level.
        Assert.Equal(applied, escalations.Count);
        foreach (var run in stored)
        {
            var perTask = run.History.Where(e => e.EscalationLevel is not null).GroupBy(e => (e.StepId, e.UnitId, e.EscalationLevel));
            Assert.All(perTask, g => Assert.Single(g));
            var silent = run.Steps.Single(s => s.StepId == RunScript.Collect).FindUnit(units[2])!;
            Assert.Equal(2, silent.EscalationLevel);
            Assert.All(run.History.Where(e => e.UnitId == units[2] && e.EscalationLevel is not null), e => Assert.Equal(silent.DueAt, e.DueAt));
        }

        // No lost update: every acknowledged command is in its run's history exactly once.
        Assert.Equal(runs.Count * 4, acknowledged.Count);
        foreach (var (runId, type, unit) in acknowledged)
        {
            Assert.Single(audit.Runs[runId].History, e => e.Type == type && e.UnitId == unit);
        }
    }
}
