using System.Net;

namespace SakipServerless.Api.Auth;

/// <summary>
/// The end user's address for rate limiting: the connection's peer, or, when that peer is a configured trusted proxy
/// (the dashboard server, a gateway), the nearest address in <c>X-Forwarded-For</c> that is not itself trusted.
/// </summary>
/// <remarks>
/// Resolved here, for the limiter only, instead of through the forwarded-headers middleware: that middleware rewrites
/// <c>Connection.RemoteIpAddress</c> for the whole pipeline, and the rest of it (the log of a refused principal header)
/// must keep seeing the real peer. Without a trusted proxy the header is ignored, so a client cannot pick its own partition.
/// </remarks>
public static class ClientAddress
{
    public static string Of(HttpContext http, IReadOnlyCollection<IPAddress> trustedProxies)
    {
        var peer = http.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return "unknown";
        }

        peer = Normal(peer);
        if (!trustedProxies.Contains(peer))
        {
            return peer.ToString();
        }

        // X-Forwarded-For lists the client first and each proxy after it; walk back from the proxy nearest to us.
        var hops = http.Request.Headers["X-Forwarded-For"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        for (int i = hops.Count - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                break; // a malformed hop ends what can be trusted
            }

            hop = Normal(hop);
            if (!trustedProxies.Contains(hop))
            {
                return hop.ToString();
            }
        }

        return peer.ToString();
    }

    public static IReadOnlyCollection<IPAddress> Parse(IEnumerable<string> addresses) =>
        addresses.Select(a => Normal(IPAddress.Parse(a.Trim()))).ToHashSet();

    /// <summary>An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d; compare it as a.b.c.d.</summary>
    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
