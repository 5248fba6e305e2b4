using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Sweep;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Runs.Engine;

/// <summary>
/// The default engine: executes run commands in the request, on the store. Load, check access, let the aggregate
/// decide, save with the version guard.
/// </summary>
/// <remarks>
/// A stale write (another request changed the run in between, e.g. twenty units submitting at 15:59) is retried on
/// fresh state a few times before it surfaces as 409, so users do not see contention on the run. With an
/// <c>Idempotency-Key</c> the first answer is stored in the same transaction as the transition and returned again
/// for the same key, without a second transition. A client that sends <c>Prefer: return=minimal</c> (RFC 7240) gets the
/// run without its history, which is most of the answer's size once a run has been worked on; the stored answer of a
/// keyed request is the one first given. Deadlines are the <see cref="DeadlineSweep"/>'s, over the store's due index.
/// </remarks>
public sealed class EmbeddedRunEngine(IRunStore runs, TemplateCatalog templates, TenantCalendars calendars, RunContextFactory contexts,
    DeadlineSweep sweep, IHttpContextAccessor http) : IRunEngine
{
    private const int MaxAttempts = 8;

    public async Task<IResult> ExecuteAsync(AppUser user, string runId, string? idempotencyKey, object fingerprint, RunCommand command, CancellationToken ct)
    {
        string hash = idempotencyKey is null ? "" : RunService.Hash(runId, fingerprint); // only a keyed request is fingerprinted
        if (idempotencyKey is not null && await IdempotentAnswers.ReplayAsync(runs, user, idempotencyKey, hash, ct) is { } replay)
        {
            return replay;
        }

        for (int attempt = 1; ; attempt++)
        {
            var run = await runs.FindAsync(user.TenantId, runId, ct);
            if (RunAccess.Refusal(user, runId, run) is { } refused)
            {
                return refused;
            }

            var template = await templates.GetAsync(run!.TenantId, run.TemplateId, run.TemplateVersion, ct);
            var engine = contexts.For(template, await calendars.CalendarAsync(run.TenantId, ct));
            int version = run.Version;
            command.ApplyTo(run, CurrentUser.ToActor(user), engine);

            var view = RunView.From(run, template, engine.Now, withHistory: !MinimalAnswers.Preferred(http.HttpContext));
            string json = JsonSerializer.Serialize(view, CoreJson.Options); // once: the answer and the stored replay are the same bytes
            var record = idempotencyKey is null ? null
                : new IdempotencyRecord(user.TenantId, idempotencyKey, user.Id, hash, 200, json, engine.Now);
            try
            {
                await runs.SaveAsync(run, version, record, ct);
                return Results.Content(json, "application/json", Encoding.UTF8, 200);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                if (idempotencyKey is not null && await IdempotentAnswers.ReplayAsync(runs, user, idempotencyKey, hash, ct) is { } raced)
                {
                    return raced;
                }

                await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
            }
        }
    }

    public async Task<(SopRun Run, RunView View)> StartAsync(AppUser user, Opd opd, Period period, string? idempotencyKey, string? requestHash, string? startReason,
        CancellationToken ct)
    {
        var template = await templates.LatestAsync(opd.TenantId, opd.TemplateId, ct)
            ?? throw DomainException.NotFound("template-not-found", $"OPD {opd.Name} belum memiliki templat SOP '{opd.TemplateId}' yang diterbitkan.");
        var calendar = await calendars.CalendarAsync(opd.TenantId, ct);
        var engine = contexts.For(template, calendar);
        string id = "run-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var run = SopRun.Start(id, opd.TenantId, opd.Id, period, opd.Units, CurrentUser.ToActor(user), engine, startReason);
        var view = RunView.From(run, template, engine.Now);
        var record = idempotencyKey is null ? null
            : new IdempotencyRecord(user.TenantId, idempotencyKey, user.Id, requestHash!, 201, JsonSerializer.Serialize(view, CoreJson.Options), engine.Now);
        await runs.CreateAsync(run, record, ct);
        return (run, view);
    }

    public Task<int> ProcessDeadlinesAsync(CancellationToken ct) => sweep.RunOnceAsync(ct);

    public Task<int> ClockMovedAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult(0);
}
