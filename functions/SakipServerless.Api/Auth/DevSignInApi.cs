using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Errors;
using SakipServerless.Api.Hosting;
using SakipServerless.Api.Hosting.OpenApi;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Development sign-in for the seeded users: <c>POST /api/dev/token</c> returns a bearer token without a password.
/// Answers 404 unless <c>Sakip:Development:EnableDevSignIn</c> is on; the app refuses to start in Production with it on.
/// </summary>
public static class DevSignInApi
{
    public sealed record TokenRequest(string? TenantId, string? UserId);

    public static RouteGroupBuilder MapDevSignInApi(this RouteGroupBuilder api)
    {
        api.MapPost("/dev/token", SignInAsync).AllowAnonymous().WithMetadata(new RateLimitedMetadata()).WithTags("Development")
            .WithSummary("Masuk sebagai pengguna demo (hanya mode pengembangan)");
        return api;
    }

    private static async Task<IResult> SignInAsync(TokenRequest request, IOptions<SakipOptions> options, IDocumentStore documents, SignInThrottle throttle,
        HttpContext http, CancellationToken ct)
    {
        if (!options.Value.Development.EnableDevSignIn)
        {
            return Problems.NotFound("Masuk pengembangan tidak diaktifkan.");
        }

        if (string.IsNullOrWhiteSpace(request.TenantId) || string.IsNullOrWhiteSpace(request.UserId))
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["tenantId"] = string.IsNullOrWhiteSpace(request.TenantId) ? ["Pemda (tenantId) wajib diisi."] : [],
                ["userId"] = string.IsNullOrWhiteSpace(request.UserId) ? ["Pengguna (userId) wajib diisi."] : [],
            }.Where(kv => kv.Value.Length > 0).ToDictionary());
        }

        var (allowed, retryAfter, partition) = throttle.TryAcquire(http, request.TenantId, request.UserId);
        if (!allowed)
        {
            return RateLimitProblem.Create(http, RateLimitPolicies.SignIn, partition, retryAfter);
        }

        var user = await documents.GetAsync<AppUser>(request.TenantId, DocumentKinds.User, request.UserId, ct);
        if (user is null)
        {
            return Problems.NotFound($"Pengguna '{request.UserId}' tidak ada pada pemda '{request.TenantId}'.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(SakipClaims.UserId, user.Id), new Claim(SakipClaims.TenantId, user.TenantId), new Claim(ClaimTypes.Name, user.Name)],
            BearerTokenDefaults.AuthenticationScheme);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}
