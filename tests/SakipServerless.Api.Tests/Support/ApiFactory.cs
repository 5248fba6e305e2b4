using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Clock;

namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// The real backend over HTTP, on its own SQLite file, with a manual clock and the background sweep and scheduled starts off
/// (tests run the sweep when they mean to). Pass the same database path to a second factory to simulate a restart
/// or a second instance. On <see cref="RunEngineKind.Durable"/> the runs are orchestrations on an in-process
/// DurableTaskTestHost owned by this factory; their time is the manual clock's at the start plus real time since.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public ApiFactory(string? databasePath = null, ManualClock? clock = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, RunEngineKind engine = RunEngineKind.Embedded)
    {
        if (engine == RunEngineKind.Durable)
        {
            // The test's own settings come last, so a test may shorten the command wait, say.
            var durable = new InProcessDurableEngine();
            _durable = durable;
            var merged = InProcessDurableEngine.Settings();
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                merged[key] = value;
            }

            settings = merged;
            var overrides = services;
            services = s =>
            {
                durable.Register(s);
                overrides?.Invoke(s);
            };
        }

        Engine = engine;
        ServiceOverrides = services;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "sakip-tests", Guid.NewGuid().ToString("N"), "sakip.db");
        Clock = clock ?? new ManualClock(new DateTimeOffset(2026, 4, 6, 0, 30, 0, TimeSpan.Zero)); // Monday 6 April 2026, 08:30 WITA
        Settings = settings ?? new Dictionary<string, string?>();
    }

    private readonly InProcessDurableEngine? _durable;

    public string DatabasePath { get; }

    public RunEngineKind Engine { get; }

    public ManualClock Clock { get; }

    private IDictionary<string, string?> Settings { get; }

    /// <summary>Replacements applied after the app's own registrations (a store that fails on demand, say).</summary>
    private Action<IServiceCollection>? ServiceOverrides { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sakip:Storage:SqlitePath", DatabasePath);
        builder.UseSetting("Sakip:Sweep:Enabled", "false");
        builder.UseSetting("Sakip:Schedule:Enabled", "false"); // scheduled starts too: tests start them through the dev clock or the starter
        builder.UseSetting("Sakip:Notifications:DispatchEnabled", "false");
        builder.UseSetting("Sakip:Development:EnableDevSignIn", "true");
        builder.UseSetting("Sakip:Development:EnableClockOffset", "true");
        builder.UseSetting("Sakip:Development:SeedDemoData", "false");
        builder.UseSetting("Sakip:RateLimits:Enabled", "false"); // tests sign in many users quickly; RateLimitTests turns it on
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new AppClock(Clock));
            ServiceOverrides?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_durable is not null)
        {
            await _durable.DisposeAsync();
        }
    }
}
