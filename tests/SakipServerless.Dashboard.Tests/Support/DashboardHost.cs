extern alias dashboard;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using dashboard::SakipServerless.Dashboard.Hosting;

namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>
/// The real dashboard (its Program, Development settings with the demo sign-in) on a free 127.0.0.1 port, talking to
/// <see cref="BackendHost"/> over HTTP through its typed client, with the shared manual clock.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<DashboardOptions>
{
    private readonly ManualClock _clock;
    private readonly Uri _backend;
    private readonly string _uploads;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public DashboardHost(ManualClock clock, Uri backend, string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _clock = clock;
        _backend = backend;
        _uploads = Path.Combine(folder, "uploads");
        Port = LoopbackPort.Next();
        UseKestrel(Port);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Dashboard:ApiBaseUrl", _backend.ToString());
        builder.UseSetting("Dashboard:LocalBackend:Start", "false");
        builder.UseSetting("Dashboard:EnableDevSignIn", "true");
        builder.UseSetting("Dashboard:Upload:TempFolder", _uploads);
        builder.UseSetting("Dashboard:Upload:ChunkBytes", "65536");
        builder.UseSetting("Dashboard:RefreshSeconds", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
    }
}
