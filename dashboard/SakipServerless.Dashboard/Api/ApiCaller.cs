using System.Security.Claims;

namespace SakipServerless.Dashboard.Api;

/// <summary>
/// Whom the dashboard calls the backend for, in this request or in this interactive circuit. A request has its
/// HttpContext; a circuit outlives the request that opened it, so <see cref="CircuitCaller"/> hands it the user the
/// circuit was opened with. Scoped: one per request, one per circuit.
/// </summary>
public sealed class ApiCaller(IHttpContextAccessor http)
{
    private ClaimsPrincipal? circuitUser;

    public ClaimsPrincipal? User => circuitUser ?? http.HttpContext?.User;

    /// <summary>The backend token kept in the auth cookie's claims, if signed in.</summary>
    public string? Token => User is { } user ? Auth.DashboardClaims.AccessToken(user) : null;

    internal void UseCircuitUser(ClaimsPrincipal user) => circuitUser = user;
}
