using System.Diagnostics;
using SakipServerless.Api.Tests.Faults.Replay;
using SakipServerless.Api.Tests.Faults.Support;
using SakipServerless.Core.Periods;
using Xunit.Abstractions;

namespace SakipServerless.Api.Tests.Faults;

/// <summary>
/// The backend runs as a child process on a database file while a client drives 64 runs through 1,024 write
/// commands; the process is killed with SIGKILL at random points (25 times) and started again.
/// </summary>
/// <remarks>
/// <para>After every kill, with the process dead, the database file is audited (<see cref="StoreAudit"/>): it is
/// consistent, every run's state equals the replay of its history, and each command that was on the wire when the
/// process died is either wholly applied (run version, history, notifications and stored answer) or not at all.</para>
/// <para>At the end every acknowledged command is in the history exactly once: each run's history equals the one the
/// same commands leave when applied in-process, and each answer carried the version its position implies.</para>
/// </remarks>
[Collection(FaultsCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Opds = 16;
    private const int Kills = 25;
    private const int Seed = 20261121;

    [Fact]
    public async Task Sigkill_AtRandomPoints_LosesNoAcknowledgedTransition_AndHalfAppliesNone()
    {
        // Bounded, with headroom for a loaded 2-core machine (about 60 s when it is quiet).
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var ct = budget.Token;
        string folder = Path.Combine(Path.GetTempPath(), "sakip-faults", Guid.NewGuid().ToString("N"));
        string database = Path.Combine(folder, "sakip.db");
        await FaultWorld.SeedFileAsync(database, Opds);

        var runs = Enumerable.Range(1, Opds).SelectMany(n => Enumerable.Range(1, 4).Select(q => new ScriptedRun(FaultWorld.Opd(n), $"2026-Q{q}"))).ToList();
        int total = runs.Sum(r => r.Script.Count);
        var random = new Random(Seed);
        var thresholds = Enumerable.Range(1, Kills).Select(k => k * total / (Kills + 1) + random.Next(-15, 15)).ToList();

        using var backend = new BackendProcess(database);
        var watch = Stopwatch.StartNew();
        var startups = new List<TimeSpan> { await backend.StartAsync(ct) };
        var driver = new CrashDriver(backend.BaseAddress, runs);
        var driving = driver.RunAsync(workers: 8, ct);

        int kills = 0, inFlight = 0, applied = 0;
        var audits = TimeSpan.Zero;
        var problems = new List<string>();
        foreach (int threshold in thresholds)
        {
            while (driver.Acknowledged < threshold && !driving.IsCompleted)
            {
                await Task.Delay(1, ct);
            }

            if (driving.IsCompleted)
            {
                break;
            }

            await Task.Delay(random.Next(0, 6), ct); // land anywhere in a request, not just between two
            backend.Kill();
            var killedAt = watch.Elapsed;
            kills++;
            var wire = runs.Select(r => r.InFlight).OfType<InFlightCommand>().ToList();
            var audit = StoreAudit.Read(database, FaultWorld.TemplateFor);
            problems.AddRange(audit.Problems.Select(p => $"after kill {kills}: {p}"));
            foreach (var command in wire)
            {
                inFlight++;
                if (CheckInFlight(audit, command, problems, kills))
                {
                    applied++;
                }
            }

            CheckNothingBeyondAcknowledged(audit, runs, wire, problems, kills);
            audits += watch.Elapsed - killedAt;
            startups.Add(await backend.StartAsync(ct));
            driver.BackendRestarted();
        }

        await driving.WaitAsync(ct);
        backend.Kill();
        var final = StoreAudit.Read(database, FaultWorld.TemplateFor);
        problems.AddRange(final.Problems.Select(p => $"at the end: {p}"));

        output.WriteLine($"{driver.Acknowledged} commands acknowledged in {watch.Elapsed.TotalSeconds:0.0} s; {kills} SIGKILLs; " +
            $"{inFlight} commands on the wire at a kill, {applied} of them had committed, {inFlight - applied} had not; {driver.Retries} resent with their key; " +
            $"{startups.Count} backend starts took {startups.Sum(s => s.TotalSeconds):0.0} s (median {startups.Order().ElementAt(startups.Count / 2).TotalMilliseconds:0} ms), " +
            $"audits with the backend dead {audits.TotalSeconds:0.0} s.");
        Assert.Empty(driver.Anomalies);
        Assert.Empty(problems);
        Assert.True(kills >= 20, $"only {kills} kills");
        Assert.True(inFlight > 0, "no kill caught a command on the wire");
        Assert.Equal(total, driver.Acknowledged);

        // Exactly once: every run holds exactly the history its sixteen commands leave, and every command's answer is stored once.
        Assert.Equal(runs.Count, final.Runs.Count);
        foreach (var run in runs)
        {
            var stored = final.Runs[run.RunId!];
            Assert.Equal(run.Script.Count, stored.Version);
            Assert.Equal(RunScript.ExpectedHistory(Period.Parse(run.Period)), stored.History.Select(e => (e.Type, e.StepId, e.UnitId)).ToList());
            for (int i = 0; i < run.Script.Count; i++)
            {
                Assert.Equal(i + 1, final.Answers[(FaultWorld.Tenant, run.KeyOf(i))].Version);
            }
        }

        Assert.Equal(total, final.Answers.Count);
        TryDelete(folder);
    }

    /// <summary>A command on the wire when the process died: wholly applied or not at all. Returns whether it was applied.</summary>
    private static bool CheckInFlight(StoreAudit audit, InFlightCommand command, List<string> problems, int kill)
    {
        var run = command.Run;
        bool answered = audit.Answers.TryGetValue((FaultWorld.Tenant, command.Key), out var answer);
        if (command.Index == 0)
        {
            var started = audit.Runs.Values.FirstOrDefault(r => r.OpdId == run.Opd && r.Period.Key == run.Period);
            if (answered != (started is not null) || (started is not null && (started.Version != 1 || answer!.RunId != started.Id)))
            {
                problems.Add($"after kill {kill}: start {command.Key} half-applied: answer {answer}, run {started?.Id} at version {started?.Version}");
            }

            return answered;
        }

        var stored = audit.Runs[run.RunId!];
        int expected = answered ? command.AckedVersionBefore + 1 : command.AckedVersionBefore;
        if (stored.Version != expected || (answered && answer!.Version != expected))
        {
            problems.Add($"after kill {kill}: {command.Key} half-applied: answer {answer}, run at version {stored.Version}, acknowledged {command.AckedVersionBefore}");
        }

        return answered;
    }

    /// <summary>Runs with nothing on the wire are exactly at their acknowledged version: nothing was applied behind the client's back.</summary>
    private static void CheckNothingBeyondAcknowledged(StoreAudit audit, List<ScriptedRun> runs, List<InFlightCommand> wire, List<string> problems, int kill)
    {
        var busy = wire.Select(c => c.Run).ToHashSet();
        foreach (var run in runs.Where(r => r.RunId is not null && !busy.Contains(r)))
        {
            int version = audit.Runs[run.RunId!].Version;
            if (version != run.AckedVersion)
            {
                problems.Add($"after kill {kill}: {run.RunId} is at version {version}, the client holds {run.AckedVersion} and has nothing on the wire");
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
