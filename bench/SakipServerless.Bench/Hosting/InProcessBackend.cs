using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Bench.Hosting;

/// <summary>
/// The backend's services built exactly as the app builds them (<see cref="BackendServiceCollectionExtensions.AddSakipBackend"/>)
/// on a database file, without listening: for seeding and for the storage-level figures (engine rate, sweep).
/// </summary>
public sealed class InProcessBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    public InProcessBackend(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSakipBackend();
        _app = builder.Build();
    }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
