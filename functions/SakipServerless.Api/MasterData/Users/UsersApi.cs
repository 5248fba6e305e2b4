using SakipServerless.Api.Auth;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Api.Templates;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.MasterData.Users;

/// <summary>Users of the pemda, managed by its admin; everyone reads himself through <c>/api/me</c>.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Master data");
        group.MapGet("/", ListAsync).WithSummary("Daftar pengguna pemda, dapat disaring per OPD (administrator)");
        group.MapGet("/{userId}", GetAsync).WithSummary("Satu pengguna (administrator)");
        group.MapPost("/", CreateAsync).DocumentsJsonBody<UserRequest>().WithSummary("Menambah pengguna (administrator)");
        group.MapPut("/{userId}", UpdateAsync).DocumentsJsonBody<UserRequest>().WithSummary("Mengubah nama, peran, OPD dan unit pengguna (administrator)");
        return api;
    }

    private static async Task<IResult> ListAsync(string? opdId, CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat melihat daftar pengguna.");
        }

        var users = await documents.ListAsync<AppUser>(user.TenantId, DocumentKinds.User, ct);
        return TypedResults.Ok(users.Where(u => opdId is null || u.OpdId == opdId).ToList());
    }

    private static async Task<IResult> GetAsync(string userId, CurrentUser me, IDocumentStore documents, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat melihat data pengguna lain; data Anda sendiri ada di /api/me.");
        }

        var found = await documents.GetAsync<AppUser>(user.TenantId, DocumentKinds.User, userId, ct);
        return found is null ? Problems.NotFound($"Pengguna '{userId}' tidak ditemukan.") : TypedResults.Ok(found);
    }

    private static async Task<IResult> CreateAsync(HttpRequest http, CurrentUser me, IDocumentStore documents, TemplateCatalog templates,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat menambah pengguna.");
        }

        var (body, problem) = await JsonBody.ReadAsync<UserRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var created = await UserValidator.ValidateAsync(body!, user, null, documents, templates, errors, ct);
        if (created is null)
        {
            return errors.ToProblem();
        }

        if (!await documents.TryInsertAsync(user.TenantId, DocumentKinds.User, created.Id, created, ct))
        {
            return Problems.Conflict("user-exists", $"Pengguna dengan id '{created.Id}' sudah ada.");
        }

        MasterDataLog.UserSaved(MasterDataLog.For(logs), user.TenantId, created.Id, "created", user.Id);
        return TypedResults.Created($"/api/users/{created.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(string userId, HttpRequest http, CurrentUser me, IDocumentStore documents, TemplateCatalog templates,
        ILoggerFactory logs, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (!AccessPolicy.CanAdminister(user, user.TenantId))
        {
            return Problems.Forbidden("Hanya administrator pemda yang dapat mengubah pengguna.");
        }

        if (await documents.GetAsync<AppUser>(user.TenantId, DocumentKinds.User, userId, ct) is null)
        {
            return Problems.NotFound($"Pengguna '{userId}' tidak ditemukan.");
        }

        var (body, problem) = await JsonBody.ReadAsync<UserRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.Id is { } bodyId && bodyId.Trim() != userId)
        {
            errors.Add("id", "Id pengguna tidak dapat diubah.");
        }

        var updated = await UserValidator.ValidateAsync(body, user, userId, documents, templates, errors, ct);
        if (updated is null)
        {
            return errors.ToProblem();
        }

        await documents.PutAsync(user.TenantId, DocumentKinds.User, userId, updated, ct);
        MasterDataLog.UserSaved(MasterDataLog.For(logs), user.TenantId, userId, "updated", user.Id);
        return TypedResults.Ok(updated);
    }
}
