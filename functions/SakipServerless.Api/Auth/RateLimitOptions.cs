using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Settings under <c>Sakip:RateLimits</c>. Every limit is partitioned by the end user, never by the server in front of
/// them: development sign-in per account (pemda + user id) with a looser flood guard per client address, uploads per
/// signed-in user (every chunk counts). Generous enough for a whole bidang uploading at 15:59; off only where tests
/// need it.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "Sakip:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts per account (pemda + user id) and window.</summary>
    [Range(1, 100_000)]
    public int SignInPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts per client address and window, whatever the account: a whole office behind one NAT
    /// address signs in at 07:30, so this only stops a flood.</summary>
    [Range(1, 100_000)]
    public int SignInPerAddressPermitLimit { get; set; } = 300;

    /// <summary>Upload requests (direct uploads, upload starts, chunks, commits) per user and window.</summary>
    [Range(1, 100_000)]
    public int UploadPermitLimit { get; set; } = 120;

    [Range(1, 86_400)]
    public int UploadWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Addresses of proxies whose <c>X-Forwarded-For</c> is believed (the dashboard server, a gateway), separated by
    /// commas: one string, so it is one app setting in Azure. Empty: the header is ignored and the connection's peer
    /// is the client.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    private IReadOnlyCollection<IPAddress>? trustedProxyAddresses;

    /// <summary>Parsed once: the bound options object lives for the app, and the limiter asks on every request.</summary>
    public IReadOnlyCollection<IPAddress> TrustedProxyAddresses() => trustedProxyAddresses ??= ClientAddress.Parse(ProxyList());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string address in ProxyList())
        {
            if (!IPAddress.TryParse(address, out _))
            {
                yield return new ValidationResult($"Sakip:RateLimits:TrustedProxies: '{address}' is not an IP address.", [nameof(TrustedProxies)]);
            }
        }
    }

    private string[] ProxyList() => (TrustedProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
