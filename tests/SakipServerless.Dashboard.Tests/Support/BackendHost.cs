using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Clock;

namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>
/// The real backend (its Program, its SQLite store, its demo seed) on a free 127.0.0.1 port with the shared manual
/// clock; the background sweep and dispatcher are off so the data stays as seeded unless a test acts.
/// </summary>
public sealed class BackendHost : WebApplicationFactory<Program>
{
    private readonly ManualClock _clock;

    public BackendHost(ManualClock clock, string folder)
    {
        _clock = clock;
        Port = LoopbackPort.Next();
        DatabasePath = Path.Combine(folder, "sakip.db");
        UseKestrel(Port);
    }

    public int Port { get; }

    public string DatabasePath { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", BaseAddress.ToString());
        builder.UseSetting("Sakip:Storage:SqlitePath", DatabasePath);
        builder.UseSetting("Sakip:Sweep:Enabled", "false");
        builder.UseSetting("Sakip:Notifications:DispatchEnabled", "false");
        builder.UseSetting("Sakip:Development:EnableDevSignIn", "true");
        builder.UseSetting("Sakip:Development:SeedDemoData", "true");
        builder.UseSetting("Sakip:Development:EnableClockOffset", "true"); // POST /api/dev/clock, as the README's demo uses it
        builder.UseSetting("Sakip:RateLimits:Enabled", "false"); // the tests sign in many users from one address within seconds
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new AppClock(_clock));
        });
    }
}
