using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Auth;

/// <summary>The signed-in user of this request, loaded from master data so role changes apply at once.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, IDocumentStore documents)
{
    private AppUser? _user;

    public async Task<AppUser> GetAsync(CancellationToken ct = default)
    {
        if (_user is not null)
        {
            return _user;
        }

        var principal = http.HttpContext?.User;
        string? userId = principal?.FindFirst(SakipClaims.UserId)?.Value;
        string? tenantId = principal?.FindFirst(SakipClaims.TenantId)?.Value;
        if (userId is null || tenantId is null)
        {
            throw new UnauthorizedAccessException();
        }

        _user = await documents.GetAsync<AppUser>(tenantId, DocumentKinds.User, userId, ct) ?? throw new UnauthorizedAccessException();
        return _user;
    }

    /// <summary>The domain's view of a user: roles as a set, the unit they submit for.</summary>
    public static Actor ToActor(AppUser user) => new(user.Id, user.Name, user.Roles.ToHashSet(StringComparer.Ordinal), user.UnitId);
}
