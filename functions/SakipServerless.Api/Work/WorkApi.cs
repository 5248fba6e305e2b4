using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Runs;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using static SakipServerless.Api.Runs.RunsApi;

namespace SakipServerless.Api.Work;

/// <summary>The work of staff: my tasks, completing steps, unit submissions and their acceptance, approvals and returns.</summary>
public static class WorkApi
{
    public sealed record CompleteRequest(string? Output, IReadOnlyList<string>? Kelengkapan, IReadOnlyList<string>? EvidenceFileIds);

    public sealed record RealisasiInput(string? IndicatorId, decimal? Value, string? Note);

    /// <param name="ConfirmUnusual">True once the submitter has checked the values the backend flagged as far from target or the previous quarter.</param>
    public sealed record SubmitRequest(IReadOnlyList<RealisasiInput>? Realisasi, IReadOnlyList<string>? EvidenceFileIds, string? Note, bool? ConfirmUnusual = null);

    public static RouteGroupBuilder MapWorkApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (CurrentUser me, CancellationToken ct) => TypedResults.Ok(await me.GetAsync(ct))).WithTags("Work")
            .WithSummary("Profil pengguna yang sedang masuk");
        api.MapGet("/me/tasks", MyTasksAsync).WithTags("Work").WithSummary("Tugas saya: langkah dan tugas unit yang menunggu, dengan tenggatnya");

        var steps = api.MapGroup("/runs/{runId}/steps/{stepId}").WithTags("Work");
        steps.MapPost("/complete", (string runId, string stepId, CompleteRequest body, HttpRequest http, CurrentUser me, RunService svc, CancellationToken ct) =>
            Execute(runId, new { stepId, body }, http, me, svc, c => c.Run.CompleteStep(stepId, c.Actor, ToCompletion(body, c.Run), c.Engine), ct))
            .WithSummary("Menyelesaikan langkah dengan kelengkapan dan output");
        steps.MapPost("/approve", (string runId, string stepId, CompleteRequest body, HttpRequest http, CurrentUser me, RunService svc, CancellationToken ct) =>
            Execute(runId, new { stepId, body }, http, me, svc, c => c.Run.Approve(stepId, c.Actor, ToCompletion(body, c.Run), c.Engine), ct))
            .WithSummary("Menyetujui langkah pemeriksaan");
        steps.MapPost("/return", (string runId, string stepId, ReasonRequest body, HttpRequest http, CurrentUser me, RunService svc, CancellationToken ct) =>
            Execute(runId, new { stepId, body }, http, me, svc, c => c.Run.Return(stepId, c.Actor, body.Reason, c.Engine), ct))
            .WithSummary("Mengembalikan pekerjaan untuk diperbaiki (alasan wajib)");

        var units = steps.MapGroup("/units/{unitId}");
        units.MapPost("/submit", SubmitAsync).WithSummary("Mengirim realisasi dan bukti dukung unit");
        units.MapPost("/accept", (string runId, string stepId, string unitId, HttpRequest http, CurrentUser me, RunService svc, CancellationToken ct) =>
            Execute(runId, new { stepId, unitId, accept = true }, http, me, svc, c => c.Run.AcceptUnit(stepId, unitId, c.Actor, c.Engine), ct))
            .WithSummary("Menerima kiriman unit");
        units.MapPost("/return", (string runId, string stepId, string unitId, ReasonRequest body, HttpRequest http, CurrentUser me, RunService svc, CancellationToken ct) =>
            Execute(runId, new { stepId, unitId, body }, http, me, svc, c => c.Run.ReturnUnit(stepId, unitId, c.Actor, body.Reason, c.Engine), ct))
            .WithSummary("Mengembalikan kiriman unit (alasan wajib)");
        return api;
    }

    /// <summary>The completion, after checking that every evidence id names a file uploaded to this run.</summary>
    private static StepCompletion ToCompletion(CompleteRequest body, SopRun run)
    {
        run.EnsureEvidence(body.EvidenceFileIds ?? []);
        return new(body.Output?.Trim(), [.. body.Kelengkapan ?? []], [.. body.EvidenceFileIds ?? []]);
    }

    /// <summary>Validates every realisasi against its indicator (exists for the OPD and year, satuan and range) before the run sees it.</summary>
    private static async Task<IResult> SubmitAsync(string runId, string stepId, string unitId, SubmitRequest body, HttpRequest http,
        CurrentUser me, RunService svc, IRunStore store, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var run = await store.FindAsync(user.TenantId, runId, ct);
        if (run is null)
        {
            return Problems.NotFound($"Run '{runId}' tidak ditemukan.");
        }

        if (!AccessPolicy.CanWriteOpd(user, run.TenantId, run.OpdId))
        {
            return Problems.Forbidden("Run ini milik OPD lain.");
        }

        var errors = new Dictionary<string, string[]>();
        var entries = new List<RealisasiEntry>();
        var items = body.Realisasi ?? [];
        if (items.Count > 500)
        {
            return Problems.BadRequest("too-many-entries", "Satu kiriman paling banyak memuat 500 realisasi.");
        }

        // Point reads of the indicators the submission names, not every indicator of the tenant (all OPDs, all years).
        var indicators = new Dictionary<string, IndicatorRecord>(StringComparer.Ordinal);
        foreach (string id in items.Select(i => i?.IndicatorId).OfType<string>().Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal))
        {
            if (await documents.GetAsync<IndicatorRecord>(run.TenantId, DocumentKinds.Indicator, id, ct) is { } found
                && found.Id == id && found.OpdId == run.OpdId && found.Year == run.Period.Year)
            {
                indicators[id] = found;
            }
        }

        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string field = $"realisasi[{i}]";
            if (item is null)
            {
                errors[field] = ["Isian realisasi tidak boleh kosong (null)."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.IndicatorId) || !indicators.TryGetValue(item.IndicatorId, out var indicator))
            {
                errors[field + ".indicatorId"] = [$"Indikator '{item.IndicatorId}' tidak terdaftar untuk OPD ini pada tahun {run.Period.Year}."];
                continue;
            }

            if (item.Value is not { } value)
            {
                errors[field + ".value"] = [$"Nilai realisasi {indicator.Name} wajib diisi."];
                continue;
            }

            if (indicator.ToIndicator().ValidateRealisasi(value) is { } problem)
            {
                errors[field + ".value"] = [problem];
                continue;
            }

            entries.Add(new RealisasiEntry(indicator.Id, value, item.Note?.Trim()));
        }

        // Plausibility: a value far from its target or the unit's previous quarter is stored only once confirmed, and
        // then carries its warning to the reviewer. Asked only of someone the domain lets submit for this unit, so
        // anyone else still gets the domain's 403 rather than advice about values.
        var actor = CurrentUser.ToActor(user);
        if (errors.Count == 0 && entries.Count > 0 && (actor.IsAdmin || actor.UnitId == unitId))
        {
            var previous = await PreviousQuarterAsync(store, run, stepId, unitId, ct);
            var unusual = new Dictionary<string, string[]>();
            for (int i = 0; i < entries.Count; i++)
            {
                var record = indicators[entries[i].IndicatorId];
                string? warning = RealisasiPlausibility.Check(record.ToIndicator(), entries[i].Value, record.Targets[run.Period.Quarter],
                    previous.GetValueOrDefault(record.Id), record.OutlierFactor);
                if (warning is not null)
                {
                    unusual[$"realisasi[{i}].value"] = [warning]; // without errors, entries[i] is items[i]
                    entries[i] = entries[i] with { Warning = warning };
                }
            }

            if (unusual.Count > 0 && body.ConfirmUnusual != true)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "realisasi-unusual",
                    $"{unusual.Count} nilai realisasi jauh dari target atau triwulan sebelumnya. Periksa kembali; bila sudah benar, kirim lagi dengan konfirmasi (confirmUnusual: true). Belum ada yang disimpan.",
                    new Dictionary<string, object?> { ["errors"] = unusual });
            }
        }

        var evidence = body.EvidenceFileIds ?? [];
        if (evidence.Any(string.IsNullOrWhiteSpace))
        {
            errors["evidenceFileIds"] = ["Id berkas bukti tidak boleh kosong."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var input = new UnitSubmissionInput(entries, [.. evidence], body.Note?.Trim());
        string? key = IdempotencyKey(http, out var invalid);
        return invalid ?? await svc.ExecuteAsync(user, runId, key, new { stepId, unitId, body }, c =>
        {
            c.Run.EnsureEvidence(input.EvidenceFileIds);
            c.Run.SubmitUnit(stepId, unitId, c.Actor, input, c.Engine);
        }, ct);
    }

    /// <summary>
    /// What the unit reported per indicator in the previous quarter of the same year (its last submission there), the
    /// second reference of the plausibility check; empty in triwulan I, since indicators and targets are per year.
    /// </summary>
    private static async Task<Dictionary<string, decimal>> PreviousQuarterAsync(IRunStore store, SopRun run, string stepId, string unitId, CancellationToken ct)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (run.Period.Quarter == 1)
        {
            return values;
        }

        var earlier = await store.ListAsync(new RunQuery(run.TenantId) { OpdId = run.OpdId, Period = new Period(run.Period.Year, run.Period.Quarter - 1) }, ct);
        var submission = earlier.SelectMany(r => r.Steps).Where(s => s.StepId == stepId)
            .SelectMany(s => s.UnitTasks).FirstOrDefault(u => u.UnitId == unitId && u.Submission is not null)?.Submission;
        foreach (var entry in submission?.Realisasi ?? [])
        {
            values[entry.IndicatorId] = entry.Value;
        }

        return values;
    }

    private static async Task<IResult> MyTasksAsync(CurrentUser me, IRunStore store, RunService svc, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (user.OpdId is null)
        {
            return TypedResults.Ok(Array.Empty<MyTask>());
        }

        var now = svc.Now;
        var tasks = new List<MyTask>();
        foreach (var run in await store.ListAsync(new RunQuery(user.TenantId) { OpdId = user.OpdId, Status = RunStatus.Running }, ct))
        {
            var view = await svc.ViewAsync(run, ct);
            foreach (var step in view.Steps.Where(s => s.Status == StepStatus.Active))
            {
                bool actor = step.Actors.Any(user.Roles.Contains);
                if (actor && step.Kind != Core.Templates.StepKind.Collect)
                {
                    tasks.Add(new MyTask("step", run.Id, view.PeriodLabel, step.StepId, step.No, step.Activity, step.Kind, null, null,
                        step.DueAt, "step", step.IsLate, step.LateMinutes, step.LateLabel, step.EscalationLevel, step.LastReturnReason));
                }

                foreach (var unit in step.UnitTasks)
                {
                    bool mine = unit.UnitId == user.UnitId && unit.Status is UnitTaskStatus.Open or UnitTaskStatus.Returned;
                    bool toReview = actor && unit.Status == UnitTaskStatus.Submitted;
                    if (mine || toReview)
                    {
                        tasks.Add(new MyTask(mine ? "unit-submit" : "unit-review", run.Id, view.PeriodLabel, step.StepId, step.No, step.Activity, step.Kind,
                            unit.UnitId, unit.UnitName, unit.DueAt, "unit", unit.IsLate, unit.LateMinutes, unit.LateLabel, unit.EscalationLevel, unit.LastReturnReason));
                    }
                }
            }
        }

        return TypedResults.Ok(tasks.OrderBy(t => t.DueAt).ToList());
    }

    /// <summary>One item of "my tasks": a step to do, a unit submission to send, or one to accept or return.</summary>
    /// <param name="DueKind"><c>unit</c> when <paramref name="DueAt"/> is the unit's own deadline (its task, or a fresh one after a return), <c>step</c> when it is the step's.</param>
    /// <param name="LateMinutes">Minutes past <paramref name="DueAt"/> at the application clock's now; null when not late.</param>
    public sealed record MyTask(string Type, string RunId, string Period, string StepId, int StepNo, string Activity, Core.Templates.StepKind Kind,
        string? UnitId, string? UnitName, DateTimeOffset? DueAt, string DueKind, bool IsLate, long? LateMinutes, string? LateLabel, int EscalationLevel, string? ReturnReason);
}
