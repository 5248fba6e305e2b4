using System.Text.Json;
using Microsoft.DurableTask;
using SakipServerless.Core;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Projection;

namespace SakipServerless.Engine.Durable.Orchestration;

/// <summary>
/// One generic orchestration per run (instance id = run id) that interprets the run's pinned template over the pure
/// Core aggregate: commands arrive as <see cref="CommandEvent"/> external events, deadlines are durable timers at the
/// run's next deadline raced against the next command, and activities write the projection the API reads.
/// </summary>
/// <remarks>
/// <para><b>Replay safety.</b> The orchestration's state is the Core's <c>SopRun</c>, and every decision is taken by
/// <see cref="RunInterpreter"/>, which does no I/O and takes time only from <c>context.CurrentUtcDateTime</c> (through
/// <see cref="RunClock"/>). Replaying the history therefore re-takes the same decisions. Keep it so: no
/// <c>DateTime.Now</c>, <c>Guid.NewGuid</c>, random numbers or store reads in the interpreter or the Core.</para>
/// <para><b>Single writer.</b> Only this orchestration writes its run, one activity at a time, so the version guard
/// never conflicts and no retry loop is needed. An activity that runs twice finds its write already stored and
/// succeeds without writing again. A host crash can still leave a write this orchestration never committed in the
/// projection; the activity reports it as diverged and the run is written whole over it (<see cref="WriteAsync"/>).</para>
/// <para><b>Commands.</b> Each event carries a command id; a repeated id is dropped (the first outcome stands). An
/// applied command's outcome is reported in the custom status only after its projection write, so a sender that sees
/// its outcome can read the new state from the store. Unit tasks are part of the aggregate: the fan-out of a collect
/// step happens inside this one orchestration, with no sub-orchestration per unit.</para>
/// <para><b>Versioning rule.</b> A run pins its template version as input, so editing a template never touches a run
/// in flight. The interpreter's own code must stay replay-compatible: a change that would take a different decision
/// (another write, timer or outcome) for the same recorded inputs (including the bundled holiday data, which is code)
/// ships behind a new <see cref="CurrentInterpreterVersion"/>: the new behaviour applies only when
/// <c>state.InterpreterVersion</c> is at least the new number, which a run reaches at its next continue-as-new, and
/// the old path stays until no orchestration of the old version is in flight. A trace of version 1 (the inputs of a
/// seed run and the decisions taken) is stored with the tests and replayed by <c>InterpreterReplayTests</c>, which
/// fails when a decision changes without that gate; a new version stores a new trace beside the old ones. Wording of
/// event details, notices and refusals is not a decision and may change freely.</para>
/// <para><b>Clock moves.</b> A command may carry the application clock's time when the development clock jumped
/// ahead (<see cref="RunCommandEnvelope.ClockTo"/>): the run's time continues from there, and the next timer follows.
/// The move is part of the event, so a replay moves the same way; production never sends one.</para>
/// <para>The history is kept short by continuing as new every <see cref="EventsPerGeneration"/> inputs, carrying the
/// run, the recent command ids (for duplicates) and the recent outcomes; unprocessed events are carried over.</para>
/// </remarks>
public sealed class SopRunOrchestrator : TaskOrchestrator<string, string>
{
    public const string CommandEvent = "run-command";

    public const int CurrentInterpreterVersion = 1;

    public const int EventsPerGeneration = 100;

    /// <summary>Each rewrite follows a lost write that landed; more than a few in a row is not a crash window but a second writer.</summary>
    private const int MaxRewrites = 3;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var state = RunOrchestrationState.Parse(input);
        var clock = state.Clock ?? new RunClock(
            new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)),
            state.RunOrigin ?? new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)), state.TimeScale);
        var interpreter = new RunInterpreter(state);
        // A continue-as-new starts without a custom status: report the carried outcomes again at once, or a sender
        // waiting for the last command of the previous generation would wait for this one's first input.
        context.SetCustomStatus(interpreter.Report.ToJson());

        if (state.RunJson is null)
        {
            var started = interpreter.Start(clock.RunTime(context.CurrentUtcDateTime));
            if (started.Write is { } create && await WriteAsync(context, interpreter, create) is { Written: false } refused)
            {
                Report(context, interpreter, interpreter.CreationRefused(refused));
                return interpreter.Snapshot(clock).ToJson();
            }

            Report(context, interpreter, started);
        }

        Task<string>? command = null;
        for (int inputs = 0; !interpreter.Finished; inputs++)
        {
            if (inputs >= state.InputsPerGeneration && command is null)
            {
                context.ContinueAsNew(interpreter.Snapshot(clock).ToJson(), preserveUnprocessedEvents: true);
                return "";
            }

            // One outstanding wait at a time: a second WaitForExternalEvent would take the next event from the first.
            command ??= context.WaitForExternalEvent<string>(CommandEvent);
            bool deadline = false;
            if (interpreter.NextDeadline is { } due)
            {
                using var cancel = new CancellationTokenSource();
                var timer = context.CreateTimer(clock.HostTime(due), cancel.Token);
                deadline = await Task.WhenAny(command, timer) == timer;
                if (!deadline)
                {
                    cancel.Cancel();
                }
            }
            else
            {
                await command;
            }

            Decision decision;
            if (deadline)
            {
                decision = interpreter.Tick(clock.RunTime(context.CurrentUtcDateTime));
            }
            else
            {
                var envelope = JsonSerializer.Deserialize<RunCommandEnvelope>(command.Result, CoreJson.Options)!;
                command = null;
                if (envelope.ClockTo is { } movedTo)
                {
                    clock = clock.MovedTo(movedTo, context.CurrentUtcDateTime); // from the event: replays the same
                }

                decision = interpreter.Handle(envelope, clock.RunTime(context.CurrentUtcDateTime));
            }

            if (decision.Write is { } write)
            {
                await WriteAsync(context, interpreter, write);
            }

            Report(context, interpreter, decision);
        }

        // The final state is the output, so a command sent after the end is refused by the same interpreter.
        return interpreter.Snapshot(clock).ToJson();
    }

    /// <summary>
    /// Writes the projection; when it diverged (a write a crashed host never committed landed in it), writes the whole
    /// run over it. Recorded histories from before rewrites existed never hold a diverged result (the activity threw
    /// then), so they replay unchanged without a new interpreter version.
    /// </summary>
    private static async Task<ProjectionResult> WriteAsync(TaskOrchestrationContext context, RunInterpreter interpreter, ProjectionWrite write)
    {
        var result = await CallAsync(context, write);
        for (int rewrites = 0; result is { Diverged: true, StoredVersion: { } stored }; rewrites++)
        {
            if (rewrites == MaxRewrites)
            {
                throw new InvalidOperationException($"The projection of run {write.RunId} still diverges after {MaxRewrites} rewrites (at version {stored}).");
            }

            result = await CallAsync(context, interpreter.Rewrite(write, stored));
        }

        return result;
    }

    /// <summary>
    /// Calls the projection activity until the result is this write's: after a host crash the lost episode's write had
    /// the same task id as this one, and its result may arrive first (<see cref="ProjectionResult.Token"/>).
    /// </summary>
    private static async Task<ProjectionResult> CallAsync(TaskOrchestrationContext context, ProjectionWrite write)
    {
        for (int calls = 1; ; calls++)
        {
            var result = await context.CallActivityAsync<ProjectionResult>(nameof(WriteRunProjection), write.ToJson());
            if (result.Answers(write) || calls == MaxRewrites)
            {
                return result.Answers(write) ? result
                    : throw new InvalidOperationException($"The projection activity of run {write.RunId} kept answering another write than {write.Token}.");
            }
        }
    }

    private static void Report(TaskOrchestrationContext context, RunInterpreter interpreter, Decision decision)
    {
        interpreter.Committed(decision);
        context.SetCustomStatus(interpreter.Report.ToJson());
    }
}
