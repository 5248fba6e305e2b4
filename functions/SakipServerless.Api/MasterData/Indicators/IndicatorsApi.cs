using System.Globalization;
using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>The indicators and targets of an OPD per year (Perjanjian Kinerja and Rencana Aksi).</summary>
public static class IndicatorsApi
{
    /// <summary>"IKU 2" before "IKU 10", as people number them.</summary>
    private static readonly StringComparer KodeOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering | CompareOptions.IgnoreCase);

    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opds/{opdId}/indicators").WithTags("Master data");
        group.MapGet("/", ListAsync).WithSummary("Indikator dan target OPD, dapat disaring per tahun (?year=2026)");
        group.MapGet("/{indicatorId}", GetAsync).WithSummary("Satu indikator dengan targetnya");
        group.MapPost("/", CreateAsync).DocumentsJsonBody<IndicatorRequest>().WithSummary("Menambah indikator (administrator atau Kepala OPD)");
        group.MapPut("/{indicatorId}", UpdateAsync).DocumentsJsonBody<IndicatorRequest>().WithSummary("Mengubah indikator dan target (administrator atau Kepala OPD)");
        group.MapDelete("/{indicatorId}", DeleteAsync).WithSummary("Menghapus indikator yang belum memiliki realisasi (administrator atau Kepala OPD)");
        return api;
    }

    /// <summary>Parses a year given as text, so "?year=abc" gets the same errors map as a bad body field.</summary>
    public static int? ParseYear(string? text, ValidationErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add("year", "Tahun wajib diisi, mis. ?year=2026.");
            }

            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year is < IndicatorRules.MinYear or > IndicatorRules.MaxYear)
        {
            errors.Add("year", $"Tahun '{text}' tidak valid; isi tahun {IndicatorRules.MinYear}–{IndicatorRules.MaxYear}.");
            return null;
        }

        return year;
    }

    private static async Task<IResult> ListAsync(string opdId, string? year, CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var opd = await documents.GetAsync<Opd>(user.TenantId, DocumentKinds.Opd, opdId, ct);
        if (opd is null)
        {
            return Problems.NotFound($"OPD '{opdId}' tidak ditemukan.");
        }

        if (!AccessPolicy.CanReadOpd(user, opd.TenantId, opd.Id))
        {
            return Problems.Forbidden("Indikator ini milik OPD lain.");
        }

        var errors = new ValidationErrors();
        int? wanted = ParseYear(year, errors, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var all = await documents.ListAsync<IndicatorRecord>(user.TenantId, DocumentKinds.Indicator, ct);
        return TypedResults.Ok(all
            .Where(i => i.OpdId == opd.Id && (wanted is null || i.Year == wanted))
            .OrderBy(i => i.Year).ThenBy(i => i.Kode ?? i.Id, KodeOrder)
            .ToList());
    }

    private static async Task<IResult> GetAsync(string opdId, string indicatorId, CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (_, record, problem) = await FindAsync(user, opdId, indicatorId, documents, Readable, ct);
        return problem ?? TypedResults.Ok(record);
    }

    private static async Task<IResult> CreateAsync(string opdId, HttpRequest http, CurrentUser me, IDocumentStore documents, ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var opd = await documents.GetAsync<Opd>(user.TenantId, DocumentKinds.Opd, opdId, ct);
        if (opd is null)
        {
            return Problems.NotFound($"OPD '{opdId}' tidak ditemukan.");
        }

        if (!IndicatorAccess.CanWrite(user, opd))
        {
            return Problems.Forbidden(IndicatorAccess.WriteRefusal);
        }

        var (body, problem) = await JsonBody.ReadAsync<IndicatorRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        int? year = ParseYear(body!.Year?.ToString(CultureInfo.InvariantCulture), errors, required: true);
        var draft = body.ToDraft(errors);
        if (draft is null || year is null)
        {
            return errors.ToProblem();
        }

        var all = await documents.ListAsync<IndicatorRecord>(user.TenantId, DocumentKinds.Indicator, ct);
        if (all.FirstOrDefault(i => i.OpdId == opd.Id && i.Year == year && IndicatorKode.SameKode(i, draft.Kode)) is { } same)
        {
            return KodeTaken(draft.Kode, year.Value, same.Id);
        }

        string id = IndicatorKode.NewId(opd.Id, year.Value, draft.Kode, all.Select(i => i.Id).ToHashSet(StringComparer.Ordinal));
        var record = draft.ToRecord(id, user.TenantId, opd.Id, year.Value);
        if (!await documents.TryInsertAsync(user.TenantId, DocumentKinds.Indicator, id, record, ct))
        {
            // Someone created the same code between our read and this insert.
            return KodeTaken(draft.Kode, year.Value, id);
        }

        MasterDataLog.IndicatorSaved(MasterDataLog.For(logs), user.TenantId, opd.Id, id, "created", user.Id);
        return TypedResults.Created($"/api/opds/{opd.Id}/indicators/{id}", record);
    }

    private static async Task<IResult> UpdateAsync(string opdId, string indicatorId, HttpRequest http, CurrentUser me, IDocumentStore documents,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (opd, existing, problem) = await FindAsync(user, opdId, indicatorId, documents, Writable, ct);
        if (problem is not null)
        {
            return problem;
        }

        (var body, problem) = await JsonBody.ReadAsync<IndicatorRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        // Targets belong to one year's Perjanjian Kinerja; another year is another indicator record.
        if (body!.Year is { } year && year != existing!.Year)
        {
            errors.Add("year", $"Tahun indikator tidak dapat diubah ({existing.Year}); tambahkan indikator baru untuk tahun {year}.");
        }

        var draft = body.ToDraft(errors);
        if (draft is null || errors.Any)
        {
            return errors.ToProblem();
        }

        var all = await documents.ListAsync<IndicatorRecord>(user.TenantId, DocumentKinds.Indicator, ct);
        if (all.FirstOrDefault(i => i.Id != existing!.Id && i.OpdId == opd!.Id && i.Year == existing.Year && IndicatorKode.SameKode(i, draft.Kode)) is { } same)
        {
            return KodeTaken(draft.Kode, existing!.Year, same.Id);
        }

        var record = draft.ToRecord(existing!.Id, user.TenantId, opd!.Id, existing.Year);
        await documents.PutAsync(user.TenantId, DocumentKinds.Indicator, record.Id, record, ct);
        MasterDataLog.IndicatorSaved(MasterDataLog.For(logs), user.TenantId, opd.Id, record.Id, "updated", user.Id);
        return TypedResults.Ok(record);
    }

    private static async Task<IResult> DeleteAsync(string opdId, string indicatorId, CurrentUser me, IDocumentStore documents, IRunStore runs,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var (opd, existing, problem) = await FindAsync(user, opdId, indicatorId, documents, Writable, ct);
        if (problem is not null)
        {
            return problem;
        }

        // Realisasi already reported against the indicator would lose its meaning in every rekap of that year.
        var used = (await runs.ListAsync(new RunQuery(user.TenantId) { OpdId = opd!.Id, Year = existing!.Year }, ct))
            .Where(r => r.Steps.Any(s => s.UnitTasks.Any(u => u.Submission?.Realisasi.Any(e => e.IndicatorId == existing.Id) == true)))
            .Select(r => r.Id)
            .ToList();
        if (used.Count > 0)
        {
            return Problems.Conflict("indicator-in-use",
                $"Indikator '{existing.Name}' sudah memiliki realisasi pada pelaksanaan SOP {string.Join(", ", used)} dan tidak dapat dihapus.",
                new Dictionary<string, object?> { ["runIds"] = used });
        }

        await documents.DeleteAsync(user.TenantId, DocumentKinds.Indicator, existing.Id, ct);
        MasterDataLog.IndicatorSaved(MasterDataLog.For(logs), user.TenantId, opd.Id, existing.Id, "deleted", user.Id);
        return TypedResults.NoContent();
    }

    private static IResult? Readable(AppUser user, Opd opd) =>
        AccessPolicy.CanReadOpd(user, opd.TenantId, opd.Id) ? null : Problems.Forbidden("Indikator ini milik OPD lain.");

    private static IResult? Writable(AppUser user, Opd opd) =>
        IndicatorAccess.CanWrite(user, opd) ? null : Problems.Forbidden(IndicatorAccess.WriteRefusal);

    /// <summary>
    /// The OPD, the access check, then the indicator inside the OPD — in that order, so nobody learns which ids exist
    /// in an OPD he may not see; another OPD's indicator id answers 404 like an unknown one.
    /// </summary>
    private static async Task<(Opd? Opd, IndicatorRecord? Record, IResult? Problem)> FindAsync(AppUser user, string opdId, string indicatorId,
        IDocumentStore documents, Func<AppUser, Opd, IResult?> access, CancellationToken ct)
    {
        var opd = await documents.GetAsync<Opd>(user.TenantId, DocumentKinds.Opd, opdId, ct);
        if (opd is null)
        {
            return (null, null, Problems.NotFound($"OPD '{opdId}' tidak ditemukan."));
        }

        if (access(user, opd) is { } refused)
        {
            return (opd, null, refused);
        }

        var record = await documents.GetAsync<IndicatorRecord>(user.TenantId, DocumentKinds.Indicator, indicatorId, ct);
        return record is null || record.OpdId != opd.Id
            ? (opd, null, Problems.NotFound($"Indikator '{indicatorId}' tidak ditemukan di OPD {opd.Name}."))
            : (opd, record, null);
    }

    private static IResult KodeTaken(string kode, int year, string existingId) =>
        Problems.Conflict("indicator-kode-exists", $"Kode '{kode}' sudah dipakai indikator lain OPD ini pada tahun {year}.",
            new Dictionary<string, object?> { ["existingId"] = existingId });
}
