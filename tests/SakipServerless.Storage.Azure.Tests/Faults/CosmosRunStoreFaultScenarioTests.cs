using SakipServerless.Core.Runs;
using SakipServerless.Storage.Azure.Cosmos;
using SakipServerless.Storage.Azure.Tests.Support;
using SakipServerless.Storage.Contract;
using Xunit.Abstractions;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// The property behind "no partial transition": twelve runs driven through the whole Kesbangpol SOP (plus sweeps that
/// escalate what falls due) while a seeded random schedule injects 429s, 503s, hangs and connection resets before and
/// after the server applied a request. Every attempt must complete or fail cleanly leaving the run exactly as before
/// or exactly as after; every command is retried with its key until acknowledged; the final audit finds nothing
/// partial, nothing applied twice, nothing lost.
/// </summary>
public sealed class CosmosRunStoreFaultScenarioTests(CosmosServerFixture server, ITestOutputHelper output) : IClassFixture<CosmosServerFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 4, 6, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly IReadOnlyList<Fault> Menu =
        [Fault.Throttle(5), Fault.Unavailable, Fault.Hang, Fault.ResetBeforeServer, Fault.ResetAfterServer, Fault.ResetAfterServer];

    [Theory]
    [InlineData(20261122)]
    public async Task HundredsOfTransitions_UnderSeededRandomFaults_LeaveNoPartialTransition(int seed)
    {
        using var cosmos = await FaultyCosmos.OpenAsync(server, hangTimeout: TimeSpan.FromMilliseconds(50));
        var clock = new ContractClock(Monday);
        var store = new CosmosRunStore(cosmos.Containers, cosmos.Options, clock);
        var driver = new CommandDriver(store, clock);
        var random = new Random(seed);
        var faulty = FaultSchedule.None.Randomly(seed, probability: 0.05, Menu, RequestMatch.CosmosItems);
        var outcomes = Enum.GetValues<CommandOutcome>().ToDictionary(o => o, _ => 0);
        var violations = new List<string>();
        int transitions = 0, sweeps = 0, sweepFailures = 0;

        var runs = Enumerable.Range(1, 12).Select(i => new ExpectedRun($"t{i % 2}", RunScript.Start($"run-{i}", $"t{i % 2}", $"opd-{i}", 1, Monday))).ToList();
        foreach (var run in runs)
        {
            cosmos.Faults.Schedule = faulty;
            for (var outcome = CommandOutcome.FailedCleanly; outcome == CommandOutcome.FailedCleanly;)
            {
                outcome = await driver.StartAsync(RunScript.Start(run.RunId, run.TenantId, run.Shadow.OpdId, 1, Monday), $"{run.RunId}/start");
                outcomes[outcome]++;
            }

            run.AcknowledgedKeys.Add($"{run.RunId}/start");
            transitions++;
        }

        while (runs.Where(r => r.NextCommand < RunScript.Commands.Count).ToList() is { Count: > 0 } open)
        {
            clock.Now = clock.Now.AddMinutes(random.Next(1, 30));
            if (random.NextDouble() < 0.1)
            {
                cosmos.Faults.Schedule = faulty;
                var (escalated, failed) = await driver.SweepAsync();
                sweeps++;
                sweepFailures += failed;
                transitions += escalated;
            }

            var run = open[random.Next(open.Count)];
            var command = RunScript.Commands[run.NextCommand];
            string key = $"{run.RunId}/{run.NextCommand}";
            // A failed attempt leaves the run as it was (or as after, and the next attempt is recognised), so one read
            // of the state before serves every attempt.
            cosmos.Faults.Schedule = FaultSchedule.None;
            var before = (await store.FindAsync(run.TenantId, run.RunId))!;
            for (int attempt = 1; ; attempt++)
            {
                cosmos.Faults.Schedule = faulty;
                var outcome = await driver.ExecuteAsync(run.TenantId, run.RunId, key, command);
                outcomes[outcome]++;
                cosmos.Faults.Schedule = FaultSchedule.None;
                if (outcome != CommandOutcome.FailedCleanly)
                {
                    command.Apply(run.Shadow, RunScript.At(clock.Now));
                    run.AcknowledgedKeys.Add(key);
                    run.NextCommand++;
                    transitions++;
                    break;
                }

                var after = (await store.FindAsync(run.TenantId, run.RunId))!;
                bool recorded = await store.FindIdempotencyAsync(run.TenantId, key) is not null;
                string? problem = OldOrNew(before, after, recorded);
                if (problem is not null)
                {
                    violations.Add($"{key} ({command}), attempt {attempt}: {problem}");
                }

                Assert.True(attempt < 30, $"{key} never got through: the fault rate leaves no way forward.");
            }
        }

        cosmos.Faults.Schedule = FaultSchedule.None;
        var audit = await RunItemAudit.CheckAsync(cosmos.Containers, store, runs);
        var injected = cosmos.Faults.Injected;
        output.WriteLine($"seed {seed}: {transitions} transitions ({audit.Escalated} escalation events from {sweeps} sweeps, {sweepFailures} sweep items failed cleanly); "
            + $"{cosmos.Faults.Requests} requests, {injected.Count} faults injected ({string.Join(", ", injected.GroupBy(f => f.Fault.Kind).Select(g => $"{g.Key} {g.Count()}"))}); "
            + $"attempts: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}; stale submission items {audit.StaleSubmissions}");

        Assert.Empty(violations);
        Assert.Empty(audit.Problems);
        foreach (var run in runs)
        {
            Assert.Equal(RunStatus.Completed, (await store.FindAsync(run.TenantId, run.RunId))!.Status);
        }

        Assert.Contains(injected, f => f.Fault.Kind == FaultKind.ResetAfterServer && f.Method == "PUT"); // a lost answer of a transition was among them
        Assert.True(outcomes[CommandOutcome.Recognised] > 0, "No lost answer was recognised by its idempotency record.");
    }

    /// <summary>After a failed attempt the run is exactly as before, or exactly one transition further with its key recorded.</summary>
    private static string? OldOrNew(SopRun before, SopRun after, bool recorded)
    {
        string old = RunJson.Serialize(before);
        if (RunJson.Serialize(after) == old)
        {
            return recorded ? "the run is unchanged but the command's key is recorded" : null;
        }

        if (after.Version != before.Version + 1)
        {
            return $"version went from {before.Version} to {after.Version}";
        }

        if (!after.History.Take(before.History.Count).Select(e => e.Seq).SequenceEqual(before.History.Select(e => e.Seq)) || after.History.Count <= before.History.Count)
        {
            return "the history was rewritten";
        }

        return recorded ? null : "the run moved on but the command's key is not recorded";
    }
}
