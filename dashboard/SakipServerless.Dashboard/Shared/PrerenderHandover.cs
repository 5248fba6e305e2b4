using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using SakipServerless.Dashboard.Auth;

namespace SakipServerless.Dashboard.Shared;

/// <summary>
/// Hands what a page read while prerendering to the circuit that opens for it a moment later, on the server: the
/// circuit's first render then waits for no second backend read (measured in BENCHMARKS.md, dashboard item 9, as the
/// largest wait between the circuit's start and its first render). Kept for a few seconds and taken once; a circuit
/// that finds nothing (another instance, a slow phone, a page opened from history) reads the backend as before.
/// Not persisted component state: nothing travels to the browser and back.
/// </summary>
public sealed class PrerenderHandover(IMemoryCache cache)
{
    /// <summary>How long a prerendered read waits for its circuit; a phone on a slow link starts it within seconds.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Keeps <paramref name="value"/> for the circuit of the same session and page (URL with its slicers).</summary>
    public void Keep<T>(ClaimsPrincipal user, string url, T value)
        where T : class =>
        cache.Set(Key<T>(user, url), value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime });

    /// <summary>What the prerendering of this session's page kept, once; null when there is nothing (or it expired).</summary>
    public T? Take<T>(ClaimsPrincipal user, string url)
        where T : class
    {
        var key = Key<T>(user, url);
        if (!cache.TryGetValue(key, out T? value))
        {
            return null;
        }

        cache.Remove(key);
        return value;
    }

    // The session's token is part of the key: another sign-in of the same user (or another user) never sees it.
    private static (Type, string, string, string, string) Key<T>(ClaimsPrincipal user, string url) =>
        (typeof(T), DashboardClaims.Tenant(user), DashboardClaims.Id(user), DashboardClaims.AccessToken(user) ?? "", url);
}
