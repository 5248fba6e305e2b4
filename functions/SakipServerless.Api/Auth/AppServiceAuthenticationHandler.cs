using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Signs a request in from the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header: the configured claims give our user
/// id and tenant, and <see cref="CurrentUser"/> then loads the user record as for any other sign-in. Used only in the
/// <c>appservice</c> identity mode, where the platform strips any such header a client sends and sets its own.
/// </summary>
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    private const int MaxHeaderLength = 32 * 1024;
    private const int MaxIdLength = 200;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[Header];
        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1 || values[0] is not { Length: > 0 and <= MaxHeaderLength } encoded)
        {
            return Refuse("the principal header is repeated, empty or too long");
        }

        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Convert.FromBase64String(encoded));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Refuse("the principal header is not Base64 JSON");
        }

        var settings = identity.Value;
        string? userId = Claim(principal, settings.UserIdClaim);
        string? tenantId = (string.IsNullOrWhiteSpace(settings.TenantIdClaim) ? null : Claim(principal, settings.TenantIdClaim)) ?? settings.TenantId;
        if (!IsPlainId(userId) || !IsPlainId(tenantId))
        {
            return Refuse($"the principal lacks a usable '{settings.UserIdClaim}' or tenant claim");
        }

        var claims = new List<Claim> { new(SakipClaims.UserId, userId!), new(SakipClaims.TenantId, tenantId!) };
        if (Claim(principal, principal?.NameType ?? ClaimTypes.Name) is { } name)
        {
            claims.Add(new Claim(ClaimTypes.Name, name));
        }

        IdentityLog.PrincipalAccepted(Logger, userId!, tenantId!, principal?.AuthType);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    private Task<AuthenticateResult> Refuse(string reason)
    {
        IdentityLog.PrincipalRefused(Logger, Request.Path, reason);
        return Task.FromResult(AuthenticateResult.Fail(reason));
    }

    private static string? Claim(ClientPrincipal? principal, string type) =>
        principal?.Claims?.FirstOrDefault(c => string.Equals(c?.Type, type, StringComparison.Ordinal))?.Value?.Trim();

    private static bool IsPlainId(string? id) => id is { Length: > 0 and <= MaxIdLength } && !id.Any(char.IsControl);
}
