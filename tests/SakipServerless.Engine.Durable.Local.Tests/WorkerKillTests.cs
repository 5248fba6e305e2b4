using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask.Client;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Local.Tests.Support;
using SakipServerless.Storage.Contract.Emulators;
using SakipServerless.Storage.Sqlite;
using Xunit.Abstractions;

namespace SakipServerless.Engine.Durable.Local.Tests;

/// <summary>
/// The point of local durable mode: the process running the worker and its sidecar is killed with SIGKILL in the
/// middle of a stream of commands and timers, a new one is started on the same Azurite account and SQLite file, and
/// every run still ends with each command applied exactly once and its projection where the orchestration says.
/// </summary>
/// <remarks>
/// The client side (this test) talks to a sidecar of its own that only serves the management API, so commands keep
/// being accepted into the task hub's queues while no worker is alive.
/// </remarks>
public sealed class WorkerKillTests(AzuriteAccountFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteAccountFixture>
{
    private const int CommandRuns = 4;
    private const int CommandsPerRun = 12;
    private const int TimerRuns = 2;

    /// <summary>Run time for the timer runs: the 5-minute deadline falls 15 s after the start, level 2 three seconds later, while the worker is down or just back.</summary>
    private const double TimerScale = 20;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KilledMidStream_ARestartedWorker_FinishesEveryRun_WithEachCommandAppliedOnce()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sakip-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string sqlite = Path.Combine(folder, "runs.db");
        string hub = "kill" + Guid.NewGuid().ToString("N")[..8];
        var child = await ChildEngineProcess.StartAsync(azurite.ConnectionString, hub, sqlite, ReadyTimeout);
        try
        {
            using var database = new SqliteDatabase(sqlite);
            var store = new SqliteRunStore(database);
            await using var client = await LocalDurableEngine.StartAsync(new LocalSidecarOptions(azurite.ConnectionString, hub, Dispatch: false));

            var timerRuns = Enumerable.Range(0, TimerRuns).Select(_ => new RunDriver(client.Runs, store, TimerScale)).ToList();
            var commandRuns = Enumerable.Range(0, CommandRuns).Select(_ => new RunDriver(client.Runs, store)).ToList();
            foreach (var run in timerRuns.Concat(commandRuns))
            {
                await run.StartAsync();
            }

            // The stream: each command run takes its restarts one after another, all runs at once.
            var sent = new ConcurrentDictionary<string, List<(RunCommandEnvelope Envelope, CommandOutcome Outcome, TimeSpan Took)>>();
            int answered = 0;
            var streams = commandRuns.Select(run => Task.Run(async () =>
            {
                var mine = sent.GetOrAdd(run.RunId, _ => []);
                for (int i = 1; i <= CommandsPerRun; i++)
                {
                    var envelope = RunDriver.Envelope(RunDriver.Head, RunDriver.RestartFirstStep($"Ulang {run.RunId} {i}"));
                    var clock = Stopwatch.StartNew();
                    var outcome = await run.SendAsync(envelope);
                    mine.Add((envelope, outcome, clock.Elapsed));
                    Interlocked.Increment(ref answered);
                }
            })).ToList();

            // Mid-stream: a third of the commands answered, the rest still to come or in flight.
            var killAt = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (Volatile.Read(ref answered) < CommandRuns * CommandsPerRun / 3)
            {
                Assert.True(DateTime.UtcNow < killAt, "the stream did not get going");
                await Task.Delay(20);
            }

            int answeredBeforeKill = Volatile.Read(ref answered);
            child.Kill();
            var down = Stopwatch.StartNew();
            output.WriteLine($"killed the worker process after {answeredBeforeKill} of {CommandRuns * CommandsPerRun} commands were answered");
            child.Dispose();
            child = await ChildEngineProcess.StartAsync(azurite.ConnectionString, hub, sqlite, ReadyTimeout);
            output.WriteLine($"a new worker process was ready {down.Elapsed.TotalSeconds:F1} s after the kill");

            await Task.WhenAll(streams);
            output.WriteLine($"the stream ended {down.Elapsed.TotalSeconds:F1} s after the kill");
            foreach (var run in timerRuns)
            {
                await run.ReadUntilAsync(r => r.ActiveStep!.EscalationLevel == 2);
            }

            // Every run is ended by command, so every orchestration must complete.
            var terminations = new Dictionary<string, CommandOutcome>();
            foreach (var run in timerRuns.Concat(commandRuns))
            {
                terminations[run.RunId] = await run.SendAsync(RunDriver.Head, new TerminateRunCommand("Selesai uji"));
            }

            var failures = new List<string>();
            foreach (var run in timerRuns.Concat(commandRuns))
            {
                var instance = await client.Client.WaitForInstanceCompletionAsync(run.RunId, getInputsAndOutputs: true,
                    new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
                if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                {
                    failures.Add($"{run.RunId}: {instance.RuntimeStatus} {instance.FailureDetails?.ErrorType}: {instance.FailureDetails?.ErrorMessage}");
                }
            }

            Assert.True(failures.Count == 0, "orchestrations did not complete: " + string.Join(" | ", failures));

            foreach (var run in timerRuns.Concat(commandRuns))
            {
                var report = (await client.Runs.ReportAsync(run.RunId))!;
                var stored = await run.ReadAsync();
                Assert.True(terminations[run.RunId].Applied, $"{run.RunId}: termination refused: {terminations[run.RunId].Message}");
                Assert.Equal(RunStatus.Terminated, stored.Status);
                Assert.Equal(report.Version, stored.Version);
                Assert.Equal(terminations[run.RunId].Version, stored.Version);
                HistoryAssert.NoDuplicateTransitions(stored);
                Assert.Single(report.Outcomes, o => o.CommandId == terminations[run.RunId].CommandId);
            }

            foreach (var run in timerRuns)
            {
                var stored = await run.ReadAsync();
                Assert.Single(stored.History, e => e.Type == RunEventType.StepLate);
                Assert.Single(stored.History, e => e.Type == RunEventType.StepEscalated);
            }

            foreach (var run in commandRuns)
            {
                var mine = sent[run.RunId];
                var report = (await client.Runs.ReportAsync(run.RunId))!;
                var stored = await run.ReadAsync();
                Assert.Equal(CommandsPerRun, mine.Count);
                Assert.All(mine, c => Assert.True(c.Outcome.Applied, $"{run.RunId}: {c.Envelope.CommandId} refused: {c.Outcome.Message}"));
                Assert.True(mine.Zip(mine.Skip(1)).All(p => p.First.Outcome.Version < p.Second.Outcome.Version), $"{run.RunId}: versions do not increase in sending order");
                Assert.All(mine, c => Assert.Single(report.Outcomes, o => o.CommandId == c.Envelope.CommandId));
                Assert.Equal(CommandsPerRun, stored.History.Count(e => e.Type == RunEventType.StepRestarted));
            }

            var took = sent.Values.SelectMany(v => v).Select(c => c.Took.TotalMilliseconds).Order().ToList();
            output.WriteLine($"command round trips: median {took[took.Count / 2]:F0} ms, max {took[^1]:F0} ms over {took.Count}");
            await child.StopAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            output.WriteLine("worker process stderr: " + child.Errors);
            throw;
        }
        finally
        {
            child.Dispose();
            TempFolder.Delete(folder);
        }
    }
}
