using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Api.Auth;

/// <summary>
/// Settings under <c>Sakip:RateLimits</c>: fixed windows per client address for sign-in and per signed-in user for
/// uploads (every chunk counts). Generous enough for a whole bidang uploading at 15:59; off only where tests need it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Sakip:RateLimits";

    public bool Enabled { get; set; } = true;

    [Range(1, 100_000)]
    public int SignInPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>Upload requests (direct uploads, upload starts, chunks, commits) per user and window.</summary>
    [Range(1, 100_000)]
    public int UploadPermitLimit { get; set; } = 120;

    [Range(1, 86_400)]
    public int UploadWindowSeconds { get; set; } = 60;
}
