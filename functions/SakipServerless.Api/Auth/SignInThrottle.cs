using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Limits development sign-in per account and, more loosely, per client address. Applied inside the endpoint, once the
/// body names the account: every dashboard user signs in through the dashboard server, so a limit keyed on the
/// connection alone made two colleagues lock each other out.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> accounts;
    private readonly PartitionedRateLimiter<string> addresses;
    private readonly IReadOnlyCollection<System.Net.IPAddress> trustedProxies;
    private readonly bool enabled;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        enabled = o.Enabled;
        trustedProxies = o.TrustedProxyAddresses();
        accounts = Windows(o.SignInPermitLimit, o.SignInWindowSeconds);
        addresses = Windows(o.SignInPerAddressPermitLimit, o.SignInWindowSeconds);
    }

    /// <summary>
    /// Takes one attempt for the account from the caller's address. Refused: the seconds until the window reopens and
    /// which partition refused (for the log).
    /// </summary>
    public (bool Allowed, int RetryAfterSeconds, string Partition) TryAcquire(HttpContext http, string tenantId, string userId)
    {
        if (!enabled)
        {
            return (true, 0, "");
        }

        string address = "ip:" + ClientAddress.Of(http, trustedProxies);
        using (var lease = addresses.AttemptAcquire(address))
        {
            if (!lease.IsAcquired)
            {
                return (false, RetryAfter(lease), address);
            }
        }

        string account = $"user:{tenantId.Trim().ToLowerInvariant()}/{userId.Trim().ToLowerInvariant()}";
        using var accountLease = accounts.AttemptAcquire(account);
        return accountLease.IsAcquired ? (true, 0, account) : (false, RetryAfter(accountLease), account);
    }

    public void Dispose()
    {
        accounts.Dispose();
        addresses.Dispose();
    }

    private static PartitionedRateLimiter<string> Windows(int permits, int windowSeconds) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static int RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
}
