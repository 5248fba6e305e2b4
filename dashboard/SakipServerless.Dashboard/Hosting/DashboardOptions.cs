using System.ComponentModel.DataAnnotations;

namespace SakipServerless.Dashboard.Hosting;

/// <summary>Settings under <c>Dashboard</c>; validated on start.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>The backend's base address (the API answers under <c>{ApiBaseUrl}api/</c>).</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>Offers the development sign-in for the seeded demo users; the backend must allow it too.</summary>
    public bool EnableDevSignIn { get; set; }

    /// <summary>
    /// Behind App Service Authentication (Easy Auth with the token store): sign people in with the access token the
    /// platform puts in <c>X-MS-TOKEN-AAD-ACCESS-TOKEN</c>. Off by default, because outside the platform anyone can
    /// send that header.
    /// </summary>
    public bool PlatformIdentity { get; set; }

    /// <summary>How often an open interactive page (its circuit) reads the backend again for changes; 0 turns live refresh off.</summary>
    [Range(0, 3600)]
    public int RefreshSeconds { get; set; } = 15;

    /// <summary>How often an open page asks for the unread notification count; 0 turns it off.</summary>
    [Range(0, 3600)]
    public int NotificationPollSeconds { get; set; } = 30;

    public UploadOptions Upload { get; set; } = new();

    public LocalBackendOptions LocalBackend { get; set; } = new();
}

/// <summary>Evidence uploads from the browser, sent in chunks so a dropped connection resumes where it stopped.</summary>
public sealed class UploadOptions
{
    /// <summary>Largest file accepted; the backend enforces its own limit too (25 MB by default).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Chunk size: small enough that a chunk lost on a mobile link costs little to resend.</summary>
    [Range(16 * 1024, 16 * 1024 * 1024)]
    public int ChunkBytes { get; set; } = 512 * 1024;

    /// <summary>Where unfinished uploads wait; empty means a folder under the system temp folder.</summary>
    public string? TempFolder { get; set; }

    /// <summary>Unfinished uploads older than this are deleted.</summary>
    [Range(1, 24 * 7)]
    public int ExpireHours { get; set; } = 24;
}

/// <summary>Development only: the dashboard starts the backend (with demo data) so one command runs the system.</summary>
public sealed class LocalBackendOptions
{
    public bool Start { get; set; }

    /// <summary>The backend's project file, relative to the dashboard's content root.</summary>
    public string? Project { get; set; }

    /// <summary>Skips the build of the backend (tests and CI have built it already).</summary>
    public bool NoBuild { get; set; }

    /// <summary>Extra arguments for the backend, e.g. a data folder of its own.</summary>
    public string[] Arguments { get; set; } = [];

    [Range(5, 900)]
    public int StartTimeoutSeconds { get; set; } = 180;
}
