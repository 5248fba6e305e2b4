using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Core;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Api.Runs.Engine;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Runs;

/// <summary>Runs: start (one OPD or all), list and filter, read, and manage (suspend, resume, terminate, restart a step).</summary>
public static class RunsApi
{
    public sealed record StartRunRequest(string? OpdId, string? Period);

    public sealed record StartAllRequest(string? Period);

    public sealed record StartAllResult(string OpdId, string? RunId, string Outcome, string? Message);

    public sealed record ReasonRequest(string? Reason);

    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync).Produces<RunView>(StatusCodes.Status201Created).WithSummary("Memulai pelaksanaan SOP untuk satu OPD dan periode");
        runs.MapPost("/start-all", StartAllAsync).WithSummary("Memulai pelaksanaan SOP untuk semua OPD pemda pada satu periode");
        runs.MapGet("/", ListAsync).WithSummary("Daftar pelaksanaan SOP dengan filter");
        runs.MapGet("/{runId}", GetAsync).WithSummary("Satu pelaksanaan SOP lengkap dengan langkah dan riwayat");
        runs.MapPost("/{runId}/suspend", (string runId, ReasonRequest body, HttpRequest http, CurrentUser me, IRunEngine engine, CancellationToken ct) =>
            Execute(runId, body, http, me, engine, new SuspendRunCommand(body.Reason), ct)).AnswersRunCommand();
        runs.MapPost("/{runId}/resume", (string runId, HttpRequest http, CurrentUser me, IRunEngine engine, CancellationToken ct) =>
            Execute(runId, "resume", http, me, engine, new ResumeRunCommand(), ct)).DocumentsNoBody().AnswersRunCommand();
        runs.MapPost("/{runId}/terminate", (string runId, ReasonRequest body, HttpRequest http, CurrentUser me, IRunEngine engine, CancellationToken ct) =>
            Execute(runId, body, http, me, engine, new TerminateRunCommand(body.Reason), ct)).AnswersRunCommand();
        runs.MapPost("/{runId}/steps/{stepId}/restart", (string runId, string stepId, ReasonRequest body, HttpRequest http, CurrentUser me, IRunEngine engine, CancellationToken ct) =>
            Execute(runId, new { stepId, body }, http, me, engine, new RestartStepCommand(stepId, body.Reason), ct)).AnswersRunCommand();
        return api;
    }

    /// <summary>Hands a command to the engine; shared by the management and work endpoints.</summary>
    /// <param name="request">What the client sent, the fingerprint of an idempotent request.</param>
    public static async Task<IResult> Execute(string runId, object request, HttpRequest http, CurrentUser me, IRunEngine engine,
        RunCommand command, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        string? key = IdempotencyKey(http, out var invalid);
        return invalid is not null ? invalid : await engine.ExecuteAsync(user, runId, key, request, command, ct);
    }

    public static string? IdempotencyKey(HttpRequest http, out IResult? invalid)
    {
        invalid = null;
        string? key = http.Headers["Idempotency-Key"];
        if (key is not null && (key.Length is 0 or > 200 || key.Any(char.IsControl)))
        {
            invalid = Problems.BadRequest("idempotency-key-invalid", "Idempotency-Key harus berisi 1–200 karakter tanpa karakter kontrol.");
            return null;
        }

        return key;
    }

    private static async Task<IResult> StartAsync(StartRunRequest body, HttpRequest http, CurrentUser me, RunService svc, IRunEngine engine, IRunStore store, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.OpdId))
        {
            errors["opdId"] = ["OPD wajib dipilih."];
        }

        if (!Period.TryParse(body.Period, out var period))
        {
            errors["period"] = ["Periode wajib diisi dengan format 2026-Q1 sampai 2026-Q4."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var opd = await svc.FindOpdAsync(user.TenantId, body.OpdId!, ct);
        if (opd is null)
        {
            return Problems.NotFound($"OPD '{body.OpdId}' tidak ditemukan.");
        }

        if (!AccessPolicy.CanWriteOpd(user, opd.TenantId, opd.Id) || !(AccessPolicy.IsAdmin(user) || user.Roles.Contains(WellKnownRoles.HeadOfOpd)))
        {
            return Problems.Forbidden("Hanya Kepala OPD atau administrator yang dapat memulai pelaksanaan SOP.");
        }

        string? key = IdempotencyKey(http, out var invalid);
        if (invalid is not null)
        {
            return invalid;
        }

        string hash = RunService.Hash("start", body);
        if (key is not null && await store.FindIdempotencyAsync(user.TenantId, key, ct) is { } replay)
        {
            return replay.RequestHash == hash && replay.UserId == user.Id
                ? Results.Content(replay.ResponseJson, "application/json", System.Text.Encoding.UTF8, replay.StatusCode)
                : Problems.Create(422, "idempotency-key-reused", "Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru.");
        }

        var (run, view) = await engine.StartAsync(user, opd, period, key, hash, null, ct);
        return TypedResults.Created($"/api/runs/{run.Id}", view);
    }

    private static async Task<IResult> StartAllAsync(StartAllRequest body, CurrentUser me, IRunEngine engine, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat memulai pelaksanaan SOP untuk semua OPD.");
        }

        if (!Period.TryParse(body.Period, out var period))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["period"] = ["Periode wajib diisi dengan format 2026-Q1 sampai 2026-Q4."] });
        }

        var results = new List<StartAllResult>();
        foreach (var opd in await documents.ListAsync<Opd>(user.TenantId, DocumentKinds.Opd, ct))
        {
            try
            {
                var (run, _) = await engine.StartAsync(user, opd, period, null, null, null, ct);
                results.Add(new StartAllResult(opd.Id, run.Id, "started", null));
            }
            catch (RunAlreadyExistsException e)
            {
                results.Add(new StartAllResult(opd.Id, e.ExistingRunId, "exists", e.Message));
            }
            catch (DomainException e)
            {
                results.Add(new StartAllResult(opd.Id, null, "failed", e.Message));
            }
        }

        return TypedResults.Ok(results);
    }

    private static async Task<IResult> ListAsync(string? opdId, string? period, int? year, string? status, bool? late, CurrentUser me, IRunStore store, RunService svc, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var errors = new Dictionary<string, string[]>();
        Period? parsedPeriod = null;
        if (period is not null)
        {
            if (Period.TryParse(period, out var p))
            {
                parsedPeriod = p;
            }
            else
            {
                errors["period"] = ["Format periode: 2026-Q1 sampai 2026-Q4."];
            }
        }

        RunStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<RunStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _))
            {
                parsedStatus = s;
            }
            else
            {
                errors["status"] = ["Status yang dikenal: running, suspended, completed, terminated."];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (!AccessPolicy.ReadsAcrossOpds(user))
        {
            if (opdId is not null && opdId != user.OpdId)
            {
                return Problems.Forbidden("Anda hanya dapat melihat pelaksanaan SOP OPD Anda sendiri.");
            }

            opdId = user.OpdId ?? "-";
        }

        var now = svc.Now;
        var found = await store.ListAsync(new RunQuery(user.TenantId) { OpdId = opdId, Period = parsedPeriod, Year = year, Status = parsedStatus, LateOnly = late == true, Now = now }, ct);
        return TypedResults.Ok(found.Select(r => RunSummary.From(r, now)).ToList());
    }

    private static async Task<IResult> GetAsync(string runId, CurrentUser me, IRunStore store, RunService svc, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var run = await store.FindAsync(user.TenantId, runId, ct);
        if (run is null)
        {
            return Problems.NotFound($"Pelaksanaan SOP '{runId}' tidak ditemukan.");
        }

        if (!AccessPolicy.CanReadOpd(user, run.TenantId, run.OpdId))
        {
            return Problems.Forbidden("Pelaksanaan SOP ini milik OPD lain.");
        }

        return TypedResults.Ok(await svc.ViewAsync(run, ct));
    }
}
