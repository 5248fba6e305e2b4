using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Engine.Durable.Commands;
using SakipServerless.Engine.Durable.Orchestration;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>
/// <c>Sakip:Engine:Mode=durable</c>: each run is an orchestration that applies its commands and deadlines; the API
/// checks access, hands the command over as an event and waits, bounded, for the projection to record the outcome.
/// </summary>
/// <remarks>
/// Within <c>CommandWaitMilliseconds</c> the answer is the embedded engine's (200 with the new state, or the domain's
/// problem); past it, 202 with a <c>Location</c> to poll (<see cref="RunCommandsApi"/>), since the command is queued
/// and will be applied. A keyed request's command id is derived from the key, so a retry while the first is still in
/// flight is dropped by the orchestration and waits for the same outcome; its stored answer is written by the
/// projection in the same write as the transition. The deadline tick does nothing here: durable timers escalate; when
/// the development clock jumps ahead, the runs' time follows (<see cref="ClockMovedAsync"/>).
/// </remarks>
public sealed class DurableRunEngine(DurableRunClient durable, IRunStore runs, TemplateCatalog templates, TenantCalendars calendars,
    RunContextFactory contexts, IOptions<SakipOptions> options, IHttpContextAccessor http) : IRunEngine
{
    /// <summary>A start waits longer than a command: its answer (201 with the run) has no place to poll yet.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    private TimeSpan CommandWait => TimeSpan.FromMilliseconds(options.Value.Engine.CommandWaitMilliseconds);

    public async Task<(SopRun Run, RunView View)> StartAsync(AppUser user, Opd opd, Period period, string? idempotencyKey, string? requestHash, string? startReason,
        CancellationToken ct)
    {
        var template = await templates.LatestAsync(opd.TenantId, opd.TemplateId, ct)
            ?? throw DomainException.NotFound("template-not-found", $"OPD {opd.Name} belum memiliki templat SOP '{opd.TemplateId}' yang diterbitkan.");
        var tenant = await calendars.TenantAsync(opd.TenantId, ct);
        string id = "run-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var start = new StartRunRequest(CommandId(user, idempotencyKey, requestHash), id, opd.TenantId, opd.Id, period, opd.Units, ActorData.From(CurrentUser.ToActor(user)),
            idempotencyKey, requestHash, startReason);
        // The run's time starts at the application clock's now (the dev clock included) and runs with the host's.
        var outcome = await durable.StartAsync(template, new CalendarSpec(tenant.TimeZone, tenant.LiburDaerah), contexts.Policy, start, StartWait,
            new RunClockOptions(RunOrigin: contexts.Clock.GetUtcNow()), ct: ct)
            ?? throw new TimeoutException($"Run {id} was not started within {StartWait.TotalSeconds} s.");
        if (!outcome.Applied)
        {
            throw outcome.ExistingRunId is { } existing ? new RunAlreadyExistsException(existing) : outcome.ToException();
        }

        var run = await runs.FindAsync(opd.TenantId, id, ct) ?? throw new InvalidOperationException($"Run {id} started without a projection.");
        return (run, RunView.From(run, template, contexts.Clock.GetUtcNow()));
    }

    public async Task<IResult> ExecuteAsync(AppUser user, string runId, string? idempotencyKey, object fingerprint, RunCommand command, CancellationToken ct)
    {
        string hash = idempotencyKey is null ? "" : RunService.Hash(runId, fingerprint);
        if (idempotencyKey is not null && await IdempotentAnswers.ReplayAsync(runs, user, idempotencyKey, hash, ct) is { } replay)
        {
            return replay;
        }

        var run = await runs.FindAsync(user.TenantId, runId, ct);
        if (RunAccess.Refusal(user, runId, run) is { } refused)
        {
            return refused;
        }

        var envelope = new RunCommandEnvelope(CommandId(user, idempotencyKey, hash), ActorData.From(CurrentUser.ToActor(user)), command, idempotencyKey, hash);
        var outcome = await durable.SendAsync(runId, envelope, CommandWait, ct);
        return outcome is null ? Accepted(runId, envelope.CommandId) : await AnswerAsync(user, runId, outcome, ct);
    }

    public Task<int> ProcessDeadlinesAsync(CancellationToken ct) => Task.FromResult(0);

    /// <summary>Every running orchestration's time follows the development clock (never sent in production: the clock endpoint is off there).</summary>
    public Task<int> ClockMovedAsync(DateTimeOffset now, CancellationToken ct) => durable.MoveClockAsync(now, StartWait, ct);

    /// <summary>The answer to a command whose outcome is known: the run as the projection recorded it, or the domain's refusal.</summary>
    public async Task<IResult> AnswerAsync(AppUser user, string runId, CommandOutcome outcome, CancellationToken ct)
    {
        if (!outcome.Applied)
        {
            throw outcome.ToException();
        }

        var run = await runs.FindAsync(user.TenantId, runId, ct) ?? throw new InvalidOperationException($"Run {runId} has no projection.");
        var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
        var view = RunView.From(run, template, contexts.Clock.GetUtcNow(), withHistory: !MinimalAnswers.Preferred(http.HttpContext));
        return Results.Content(JsonSerializer.Serialize(view, CoreJson.Options), "application/json", Encoding.UTF8, 200);
    }

    /// <summary>GET of a 202's <c>Location</c>: the answer once the outcome is reported, 202 again while it is not.</summary>
    /// <remarks>The report keeps the last outcomes only; a command polled long after many others stays 202, and its effect shows in the run itself.</remarks>
    public async Task<IResult> CommandStatusAsync(AppUser user, string runId, string commandId, CancellationToken ct) =>
        await durable.FindOutcomeAsync(runId, commandId, ct) is { } outcome ? await AnswerAsync(user, runId, outcome, ct) : Accepted(runId, commandId);

    public static IResult Accepted(string runId, string commandId)
    {
        string location = $"/api/runs/{runId}/commands/{commandId}";
        return TypedResults.Accepted(location, new CommandAccepted(commandId, "Perintah diterima dan sedang diproses; hasilnya tersedia di alamat Location."));
    }

    /// <summary>
    /// A keyed request's command id follows from tenant, user, key and request, so a retry of it is the same command
    /// (dropped, and answered with the first outcome, a refusal included); another request under the key, which the
    /// stored answer has not already refused as 422, is a new command. Without a key, a fresh id.
    /// </summary>
    private static string CommandId(AppUser user, string? key, string? hash) => key is null
        ? Guid.NewGuid().ToString("N")
        : "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.TenantId}\n{user.Id}\n{key}\n{hash}")))[..32];
}
