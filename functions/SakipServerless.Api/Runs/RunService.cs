using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Templates;
using SakipServerless.Core;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Runs;

/// <summary>
/// Executes run commands: load, check access, let the aggregate decide, save with the version guard.
/// </summary>
/// <remarks>
/// A stale write (another request changed the run in between, e.g. twenty units submitting at 15:59) is retried on
/// fresh state a few times before it surfaces as 409, so users do not see contention on the run. With an
/// <c>Idempotency-Key</c> the first answer is stored in the same transaction as the transition and returned again
/// for the same key, without a second transition. A client that sends <c>Prefer: return=minimal</c> (RFC 7240) gets the
/// run without its history, which is most of the answer's size once a run has been worked on; the stored answer of a
/// keyed request is the one first given.
/// </remarks>
public sealed class RunService(IRunStore runs, IDocumentStore documents, TemplateCatalog templates, TenantCalendars calendars, RunContextFactory contexts,
    IHttpContextAccessor http)
{
    private const int MaxAttempts = 8;

    public async Task<IResult> ExecuteAsync(AppUser user, string runId, string? idempotencyKey, object request,
        Action<RunCommandContext> command, CancellationToken ct)
    {
        string hash = idempotencyKey is null ? "" : Hash(runId, request); // only a keyed request is fingerprinted
        if (idempotencyKey is not null && await ReplayAsync(user, idempotencyKey, hash, ct) is { } replay)
        {
            return replay;
        }

        for (int attempt = 1; ; attempt++)
        {
            var run = await runs.FindAsync(user.TenantId, runId, ct);
            if (run is null || !AccessPolicy.CanReadOpd(user, run.TenantId, run.OpdId))
            {
                return run is null || !AccessPolicy.SameTenant(user, run.TenantId)
                    ? Problems.NotFound($"Pelaksanaan SOP '{runId}' tidak ditemukan.")
                    : Problems.Forbidden("Pelaksanaan SOP ini milik OPD lain.");
            }

            if (!AccessPolicy.CanWriteOpd(user, run.TenantId, run.OpdId))
            {
                return Problems.Forbidden("Anda hanya dapat membaca pelaksanaan SOP ini; perubahan dilakukan oleh pegawai OPD tersebut.");
            }

            var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
            var engine = contexts.For(template, await calendars.CalendarAsync(run.TenantId, ct));
            int version = run.Version;
            command(new RunCommandContext(run, template, engine, user, CurrentUser.ToActor(user)));

            var view = RunView.From(run, template, engine.Now, withHistory: !MinimalAnswerPreferred());
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
                if (idempotencyKey is not null && await ReplayAsync(user, idempotencyKey, hash, ct) is { } raced)
                {
                    return raced;
                }

                await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
            }
        }
    }

    /// <summary>
    /// Starts the run of an OPD for a period with the latest published version of the OPD's template. With an
    /// idempotency key the 201 answer is stored in the same write as the new run.
    /// </summary>
    public async Task<(SopRun Run, RunView View)> StartAsync(AppUser user, Opd opd, Period period, string? idempotencyKey, string? hash, CancellationToken ct)
    {
        var template = await templates.LatestAsync(opd.TenantId, opd.TemplateId, ct)
            ?? throw DomainException.NotFound("template-not-found", $"OPD {opd.Name} belum memiliki templat SOP '{opd.TemplateId}' yang diterbitkan.");
        var calendar = await calendars.CalendarAsync(opd.TenantId, ct);
        var engine = contexts.For(template, calendar);
        string id = "run-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var run = SopRun.Start(id, opd.TenantId, opd.Id, period, opd.Units, CurrentUser.ToActor(user), engine);
        var view = RunView.From(run, template, engine.Now);
        var record = idempotencyKey is null ? null
            : new IdempotencyRecord(user.TenantId, idempotencyKey, user.Id, hash!, 201, JsonSerializer.Serialize(view, CoreJson.Options), engine.Now);
        await runs.CreateAsync(run, record, ct);
        return (run, view);
    }

    public async Task<RunView> ViewAsync(SopRun run, CancellationToken ct)
    {
        var template = await templates.GetAsync(run.TenantId, run.TemplateId, run.TemplateVersion, ct);
        return RunView.From(run, template, contexts.Clock.GetUtcNow());
    }

    public async Task<Opd?> FindOpdAsync(string tenantId, string opdId, CancellationToken ct) =>
        await documents.GetAsync<Opd>(tenantId, DocumentKinds.Opd, opdId, ct);

    public DateTimeOffset Now => contexts.Clock.GetUtcNow();

    public async Task<WorkCalendar> CalendarAsync(string tenantId, CancellationToken ct) => await calendars.CalendarAsync(tenantId, ct);

    private async Task<IResult?> ReplayAsync(AppUser user, string key, string hash, CancellationToken ct)
    {
        var existing = await runs.FindIdempotencyAsync(user.TenantId, key, ct);
        if (existing is null)
        {
            return null;
        }

        if (existing.UserId != user.Id || existing.RequestHash != hash)
        {
            return Problems.Create(422, "idempotency-key-reused", "Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru.");
        }

        return Results.Content(existing.ResponseJson, "application/json", Encoding.UTF8, existing.StatusCode);
    }

    private bool MinimalAnswerPreferred()
    {
        var request = http.HttpContext?.Request;
        if (request is null || !request.Headers["Prefer"].Any(p => p is not null && p.Contains("return=minimal", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        request.HttpContext.Response.Headers["Preference-Applied"] = "return=minimal";
        return true;
    }

    /// <summary>The request's fingerprint: the same key with a different body is a client error, not a replay.</summary>
    public static string Hash(string target, object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target + "\n" + JsonSerializer.Serialize(request, request.GetType(), CoreJson.Options))));
}
