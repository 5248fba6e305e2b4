using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Bench.Hosting;

/// <summary>
/// The backend as the app runs it (its services and its pipeline), listening on a free loopback port in this process,
/// with registrations added after the app's own: the durable engine's test host must live in the process whose
/// container holds its client.
/// </summary>
public sealed class ListeningBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ListeningBackend(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ListeningBackend> StartAsync(string databasePath, IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var values = new Dictionary<string, string?>
        {
            ["Sakip:Storage:SqlitePath"] = databasePath,
            ["Sakip:Sweep:Enabled"] = "false",
            ["Sakip:Schedule:Enabled"] = "false",
            ["Sakip:Notifications:DispatchEnabled"] = "false",
            ["Sakip:Files:JanitorEnabled"] = "false",
            ["Sakip:Development:EnableDevSignIn"] = "true",
            ["Sakip:RateLimits:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSakipBackend();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseSakipBackend();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ListeningBackend(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A bearer token of the development sign-in for a seeded user.</summary>
    public async Task<string> TokenAsync(string tenantId, string userId)
    {
        using var response = await Http.PostAsJsonAsync("api/dev/token", new { tenantId, userId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
