using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.MasterData.Opds;

/// <summary>OPDs with their units: read by their members and by leadership, created and changed by the admin.</summary>
public static class OpdsApi
{
    public static RouteGroupBuilder MapOpdsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opds").WithTags("Master data");
        group.MapGet("/", ListAsync).WithSummary("Daftar OPD yang boleh dilihat pengguna, dengan unitnya");
        group.MapGet("/{opdId}", GetAsync).WithSummary("Satu OPD dengan unitnya");
        group.MapPost("/", CreateAsync).DocumentsJsonBody<OpdRequest>().WithSummary("Menambah OPD (administrator)");
        group.MapPut("/{opdId}", UpdateAsync).DocumentsJsonBody<OpdRequest>().WithSummary("Mengubah OPD dan unitnya (administrator)");
        return api;
    }

    private static async Task<IResult> ListAsync(CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var opds = await documents.ListAsync<Opd>(user.TenantId, DocumentKinds.Opd, ct);
        // Staff of one OPD get a list with only their OPD rather than a 403, so one client screen serves every role.
        return TypedResults.Ok(opds.Where(o => AccessPolicy.CanReadOpd(user, o.TenantId, o.Id)).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static async Task<IResult> GetAsync(string opdId, CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var opd = await documents.GetAsync<Opd>(user.TenantId, DocumentKinds.Opd, opdId, ct);
        if (opd is null)
        {
            return Problems.NotFound($"OPD '{opdId}' tidak ditemukan.");
        }

        return AccessPolicy.CanReadOpd(user, opd.TenantId, opd.Id) ? TypedResults.Ok(opd) : Problems.Forbidden("OPD ini bukan OPD Anda.");
    }

    private static async Task<IResult> CreateAsync(HttpRequest http, CurrentUser me, IDocumentStore documents, TemplateCatalog templates,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat menambah OPD.");
        }

        var (body, problem) = await JsonBody.ReadAsync<OpdRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var opd = await OpdValidator.ValidateAsync(body!, user.TenantId, null, templates, errors, ct);
        if (opd is null)
        {
            return errors.ToProblem();
        }

        if (!await documents.TryInsertAsync(user.TenantId, DocumentKinds.Opd, opd.Id, opd, ct))
        {
            return Problems.Conflict("opd-exists", $"OPD dengan id '{opd.Id}' sudah ada.");
        }

        MasterDataLog.OpdSaved(MasterDataLog.For(logs), user.TenantId, opd.Id, "created", user.Id);
        return TypedResults.Created($"/api/opds/{opd.Id}", opd);
    }

    private static async Task<IResult> UpdateAsync(string opdId, HttpRequest http, CurrentUser me, IDocumentStore documents, TemplateCatalog templates,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var existing = await documents.GetAsync<Opd>(user.TenantId, DocumentKinds.Opd, opdId, ct);
        if (existing is null)
        {
            return Problems.NotFound($"OPD '{opdId}' tidak ditemukan.");
        }

        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat mengubah OPD.");
        }

        var (body, problem) = await JsonBody.ReadAsync<OpdRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.Id is { } bodyId && bodyId.Trim() != opdId)
        {
            errors.Add("id", "Id OPD tidak dapat diubah.");
        }

        var opd = await OpdValidator.ValidateAsync(body, user.TenantId, opdId, templates, errors, ct);
        if (opd is null)
        {
            return errors.ToProblem();
        }

        // A unit that people still belong to cannot disappear: their unit tasks and sign-in scope would point nowhere.
        var kept = opd.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var stranded = (await documents.ListAsync<AppUser>(user.TenantId, DocumentKinds.User, ct))
            .Where(u => u.OpdId == opdId && u.UnitId is not null && !kept.Contains(u.UnitId))
            .ToList();
        if (stranded.Count > 0)
        {
            var units = stranded.Select(u => u.UnitId!).Distinct().Order();
            return Problems.Conflict("unit-in-use",
                $"Unit {string.Join(", ", units)} masih dipakai oleh pengguna {string.Join(", ", stranded.Select(u => u.Id))}; pindahkan pengguna tersebut terlebih dahulu.",
                new Dictionary<string, object?> { ["users"] = stranded.Select(u => u.Id).ToList() });
        }

        await documents.PutAsync(user.TenantId, DocumentKinds.Opd, opd.Id, opd, ct);
        MasterDataLog.OpdSaved(MasterDataLog.For(logs), user.TenantId, opd.Id, "updated", user.Id);
        return TypedResults.Ok(opd);
    }
}
