using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SakipServerless.Core;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Orchestration;

namespace SakipServerless.Engine.Durable.Client;

/// <summary>
/// The sending side of the durable engine: starts a run's orchestration and hands it commands, then waits, bounded,
/// until the projection has recorded the outcome.
/// </summary>
/// <remarks>
/// A null outcome means the wait ran out before the orchestration reported; the command is still queued and will be
/// applied, so the caller answers "accepted" and lets the client poll. Commands to a run whose orchestration has
/// finished are decided on its final state without a write: the aggregate refuses every command on a completed or
/// terminated run, with the same message the embedded engine gives.
/// </remarks>
public sealed class DurableRunClient(DurableTaskClient client, TimeProvider? clock = null)
{
    /// <summary>
    /// The status poll starts quick (one command's answer takes two episodes, tens of milliseconds) and backs off to
    /// <see cref="MaxPollInterval"/>: each poll is a read of the task hub's instance table (and input), and on the Azure
    /// Storage provider sixteen senders polling every 25 ms made up about half of the storage's requests.
    /// </summary>
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Schedules the run's orchestration (instance id = run id) and waits for the start's outcome.</summary>
    public async Task<CommandOutcome?> StartAsync(SopTemplate template, CalendarSpec calendar, EscalationPolicy policy, StartRunRequest start,
        TimeSpan wait, RunClockOptions? clockOptions = null, int inputsPerGeneration = SopRunOrchestrator.EventsPerGeneration, CancellationToken ct = default)
    {
        await ScheduleAsync(template, calendar, policy, start, clockOptions, runJson: null, inputsPerGeneration, ct);
        return await WaitForOutcomeAsync(start.RunId, start.CommandId, wait, ct);
    }

    /// <summary>
    /// Gives a run that is in the store but has no orchestration (seeded straight into the store, or recorded by the
    /// embedded engine before the switch to durable mode) its orchestration, continuing from the stored state as a
    /// continue-as-new would. Returns false, and starts nothing, when the task hub already knows the run id.
    /// </summary>
    /// <remarks>
    /// Nothing is written at the adoption: the orchestration's first write follows the stored version like any other.
    /// The check and the schedule are two calls, so callers adopt from one place at a time (the local host's start-up).
    /// </remarks>
    public async Task<bool> AdoptAsync(SopTemplate template, CalendarSpec calendar, EscalationPolicy policy, SopRun run, RunClockOptions? clockOptions = null,
        CancellationToken ct = default)
    {
        if (await client.GetInstanceAsync(run.Id, getInputsAndOutputs: false, ct) is not null)
        {
            return false;
        }

        var start = new StartRunRequest($"adopt-{run.Id}-v{run.Version}", run.Id, run.TenantId, run.OpdId, run.Period, run.Units, ActorData.From(Actor.System));
        await ScheduleAsync(template, calendar, policy, start, clockOptions, RunJson.Serialize(run), SopRunOrchestrator.EventsPerGeneration, ct);
        return true;
    }

    /// <summary>The orchestration's first input, the same for a new run and an adopted one but for the run it carries.</summary>
    private Task ScheduleAsync(SopTemplate template, CalendarSpec calendar, EscalationPolicy policy, StartRunRequest start, RunClockOptions? clockOptions,
        string? runJson, int inputsPerGeneration, CancellationToken ct)
    {
        var state = new RunOrchestrationState(SopRunOrchestrator.CurrentInterpreterVersion, SopTemplateJson.Serialize(template), calendar, policy.Level2Grace,
            start, TimeScale: clockOptions?.Scale ?? 1, RunOrigin: clockOptions?.RunOrigin, RunJson: runJson, InputsPerGeneration: inputsPerGeneration);
        return client.ScheduleNewOrchestrationInstanceAsync(nameof(SopRunOrchestrator), state.ToJson(), new StartOrchestrationOptions(start.RunId), ct);
    }

    /// <summary>Raises the command as an event of the run's orchestration and waits up to <paramref name="wait"/> for its outcome.</summary>
    public async Task<CommandOutcome?> SendAsync(string runId, RunCommandEnvelope envelope, TimeSpan wait, CancellationToken ct = default)
    {
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, ct);
        if (instance is null)
        {
            return CommandOutcome.Refused(envelope.CommandId, 0, DomainException.NotFound("run-not-found", $"Pelaksanaan SOP '{runId}' tidak ditemukan."));
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            // Ended outside the SOP (a fault, or terminated from the task hub): no run state to decide on, and no one to
            // apply the command. The nightly reconciliation reports such a run for the admin.
            return CommandOutcome.Refused(envelope.CommandId, 0, DomainException.Conflict("run-orchestration-ended",
                $"Pelaksanaan SOP '{runId}' tidak dapat menerima perintah: orkestrasinya berhenti di luar alur SOP ({Describe(instance.RuntimeStatus)}). Hubungi admin pemda."));
        }

        if (instance.IsCompleted)
        {
            return DecideOnFinalState(runId, instance, envelope);
        }

        await client.RaiseEventAsync(runId, SopRunOrchestrator.CommandEvent, JsonSerializer.Serialize(envelope, CoreJson.Options), ct);
        return await WaitForOutcomeAsync(runId, envelope.CommandId, wait, ct);
    }

    /// <summary>
    /// The application clock jumped ahead to <paramref name="to"/> (the development clock): every running run's time
    /// follows, and what is due by then escalates, each run waiting up to <paramref name="wait"/> for its outcome.
    /// Returns how many runs changed. Production never calls it: there run time is the host's time.
    /// </summary>
    public async Task<int> MoveClockAsync(DateTimeOffset to, TimeSpan wait, CancellationToken ct = default)
    {
        var running = new List<RunOrchestrationSummary>();
        await foreach (var run in ListRunsAsync(ct))
        {
            // A durably suspended orchestration would only queue the event; a finished one has no time left to move.
            if (run.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
            {
                running.Add(run);
            }
        }

        int changed = 0;
        var system = ActorData.From(Actor.System);
        await Parallel.ForEachAsync(running, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (run, token) =>
        {
            var envelope = new RunCommandEnvelope("clock-" + Guid.NewGuid().ToString("N"), system, new ProcessDeadlinesCommand(), ClockTo: to);
            if (await SendAsync(run.RunId, envelope, wait, token) is { Applied: true } outcome && outcome.Version > (run.Report?.Version ?? 0))
            {
                Interlocked.Increment(ref changed);
            }
        });
        return changed;
    }

    /// <summary>The outcome of a command sent earlier, once reported; null while pending or when it left the report's window.</summary>
    public async Task<CommandOutcome?> FindOutcomeAsync(string runId, string commandId, CancellationToken ct = default) =>
        (await ReportAsync(runId, ct))?.Find(commandId);

    /// <summary>The orchestration's status report: the projected version and the latest outcomes.</summary>
    public async Task<RunStatusReport?> ReportAsync(string runId, CancellationToken ct = default)
    {
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, ct);
        return instance is null ? null : RunStatusReport.Parse(instance.ReadCustomStatusAs<string>());
    }

    /// <summary>
    /// Every run orchestration of the task hub, page by page, with the tenant its input names. Known by the orchestrator's
    /// name, not by the id: adopted runs keep the id the store gave them (the demo's <c>demo-…</c>, say).
    /// </summary>
    public async IAsyncEnumerable<RunOrchestrationSummary> ListRunsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = new OrchestrationQuery { FetchInputsAndOutputs = true };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(ct))
        {
            if (instance.Name != nameof(SopRunOrchestrator) || instance.ReadInputAs<string>() is not { Length: > 0 } input)
            {
                continue; // not one of ours: every run orchestration starts with its state
            }

            var state = RunOrchestrationState.Parse(input);
            yield return new RunOrchestrationSummary(instance.InstanceId, state.Start.TenantId, instance.RuntimeStatus,
                RunStatusReport.Parse(instance.ReadCustomStatusAs<string>()));
        }
    }

    private async Task<CommandOutcome?> WaitForOutcomeAsync(string runId, string commandId, TimeSpan wait, CancellationToken ct)
    {
        if (wait <= TimeSpan.Zero)
        {
            return null; // the caller answers "accepted" without looking
        }

        var until = _clock.GetUtcNow() + wait;
        var interval = FirstPollInterval;
        while (true)
        {
            if ((await ReportAsync(runId, ct))?.Find(commandId) is { } outcome)
            {
                return outcome;
            }

            if (_clock.GetUtcNow() >= until)
            {
                return null;
            }

            await Task.Delay(interval, _clock, ct);
            interval = TimeSpan.FromTicks(Math.Min(MaxPollInterval.Ticks, interval.Ticks * 3 / 2));
        }
    }

    private static string Describe(OrchestrationRuntimeStatus status) => status == OrchestrationRuntimeStatus.Failed ? "gagal" : "dihentikan paksa";

    /// <summary>A finished orchestration's last state decides the command, without a write: the aggregate refuses every command on a closed run.</summary>
    private CommandOutcome DecideOnFinalState(string runId, OrchestrationMetadata instance, RunCommandEnvelope envelope)
    {
        var state = RunOrchestrationState.Parse(instance.ReadOutputAs<string>() ?? throw new InvalidOperationException($"Orchestration {runId} ended without a state."));
        var interpreter = new RunInterpreter(state);
        if (interpreter.Run is null)
        {
            return CommandOutcome.Refused(envelope.CommandId, 0, DomainException.NotFound("run-not-found", $"Pelaksanaan SOP '{runId}' tidak ditemukan."));
        }

        var decision = interpreter.Handle(envelope, _clock.GetUtcNow());
        return decision is { Write: null, Outcome: { Applied: false } refused } ? refused
            : throw new InvalidOperationException($"Command {envelope.CommandId} was not refused on the finished run {runId}.");
    }
}
