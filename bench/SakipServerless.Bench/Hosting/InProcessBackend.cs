using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Bench.Hosting;

/// <summary>
/// The backend's services built exactly as the app builds them (<see cref="BackendServiceCollectionExtensions.AddSakipBackend"/>)
/// on a database file. Without listening: for seeding and for the storage-level figures (engine rate, sweep). Listening
/// (<see cref="ListenAsync"/>): with the app's pipeline on a free loopback port and registrations added after the app's
/// own, for the durable engine, whose test host must live in the process whose container holds its client.
/// </summary>
public sealed class InProcessBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    public InProcessBackend(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
        : this(databasePath, settings, services: null, listen: false)
    {
    }

    private InProcessBackend(string databasePath, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services, bool listen)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        var values = new Dictionary<string, string?>
        {
            ["Sakip:Storage:SqlitePath"] = databasePath,
            ["Sakip:Sweep:Enabled"] = "false",
            ["Sakip:Notifications:DispatchEnabled"] = "false",
            ["Sakip:Files:JanitorEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (listen)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            values["Sakip:Schedule:Enabled"] = "false";
            values["Sakip:Development:EnableDevSignIn"] = "true";
            values["Sakip:RateLimits:Enabled"] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSakipBackend();
        services?.Invoke(builder.Services);
        _app = builder.Build();
        if (listen)
        {
            _app.UseSakipBackend();
        }
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client of the listening backend; null when it does not listen.</summary>
    public HttpClient? Http { get; private set; }

    /// <summary>Starts the backend with its pipeline, listening on a free loopback port.</summary>
    public static async Task<InProcessBackend> ListenAsync(string databasePath, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var backend = new InProcessBackend(databasePath, settings, services, listen: true);
        await backend._app.StartAsync();
        string address = backend._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        backend.Http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        return backend;
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (Http is not null)
        {
            Http.Dispose();
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
    }
}
